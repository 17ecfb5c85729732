/// A Swift package a sheet's snippets may import, in SwiftPM's own terms — from a Git URL:
///
///     dependencies:
///       - url: https://github.com/apple/swift-async-algorithms
///         from: 1.0.0
///         products: [AsyncAlgorithms]
///
/// or from a folder on disk, such as the package whose documentation the sheets are:
///
///       - path: .
///         products: [MyLibrary]
package struct PackageDependency: Hashable, Sendable {
    package enum Requirement: Hashable, Sendable {
        case from(String)
        case exact(String)
    }

    /// Where SwiftPM gets the package.
    package enum Source: Hashable, Sendable {
        case url(String, Requirement)
        /// As written until resolved (`resolvingPath`), then absolute.
        case path(String)
    }

    package var source: Source
    package var products: [String]
    /// Where it was declared, for errors about it.
    package var location: SourceLocation
    /// For a local package: a hash of its manifest and sources, so snippets are verified
    /// again (and the package rebuilt) when they change. Set by `LocalPackage.resolve`.
    package var revision: String?

    package init(source: Source, products: [String], location: SourceLocation, revision: String? = nil) {
        self.source = source
        self.products = products
        self.location = location
        self.revision = revision
    }

    /// The URL or the folder, as people recognise the package in messages.
    package var name: String {
        switch source {
        case .url(let url, _): url
        case .path(let path): path
        }
    }

    /// SwiftPM's identity of the package: the last path component of its URL (without `.git`)
    /// or of its folder.
    package var identity: String {
        var name = self.name.split(separator: "/").last.map(String.init) ?? self.name
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.lowercased()
    }

    /// The manifest line for it.
    package var manifestEntry: String {
        switch source {
        case .url(let url, .from(let version)): ".package(url: \"\(url)\", from: \"\(version)\")"
        case .url(let url, .exact(let version)): ".package(url: \"\(url)\", exact: \"\(version)\")"
        case .path(let path): ".package(path: \"\(path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\")"
        }
    }

    /// What decides where the package is built (not where it was written, nor the revision of
    /// a local package's sources, which is rebuilt in place).
    var canonical: String {
        let products = self.products.sorted().joined(separator: ",")
        return switch source {
        case .url(let url, .from(let v)): "\(url) from \(v) \(products)"
        case .url(let url, .exact(let v)): "\(url) exact \(v) \(products)"
        case .path(let path): "path \(path) \(products)"
        }
    }
}

extension Array where Element == PackageDependency {
    /// A stable key for a set of declarations: equal sets build once.
    package var canonicalKey: String { map(\.canonical).sorted().joined(separator: "\n") }

    /// The revisions of the local packages among them ("" when there are none).
    package var revisionKey: String { compactMap { dependency in dependency.revision.map { "\(dependency.identity)=\($0)" } }.sorted().joined(separator: ",") }
}
