/// A Swift package a sheet's snippets may import, in SwiftPM's own terms:
///
///     dependencies:
///       - url: https://github.com/apple/swift-async-algorithms
///         from: 1.0.0
///         products: [AsyncAlgorithms]
public struct PackageDependency: Hashable, Sendable {
    public enum Requirement: Hashable, Sendable {
        case from(String)
        case exact(String)
    }

    public var url: String
    public var requirement: Requirement
    public var products: [String]
    /// Where it was declared, for errors about it.
    public var location: SourceLocation

    /// SwiftPM's identity of the package: the last path component of its URL, without `.git`.
    public var identity: String {
        var name = url.split(separator: "/").last.map(String.init) ?? url
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.lowercased()
    }

    /// The manifest line for it.
    public var manifestEntry: String {
        switch requirement {
        case .from(let version): ".package(url: \"\(url)\", from: \"\(version)\")"
        case .exact(let version): ".package(url: \"\(url)\", exact: \"\(version)\")"
        }
    }

    /// What decides the build (not where it was written).
    var canonical: String {
        switch requirement {
        case .from(let v): "\(url) from \(v) \(products.sorted().joined(separator: ","))"
        case .exact(let v): "\(url) exact \(v) \(products.sorted().joined(separator: ","))"
        }
    }
}

extension Array where Element == PackageDependency {
    /// A stable key for a set of declarations: equal sets build once.
    var canonicalKey: String { map(\.canonical).sorted().joined(separator: "\n") }
}
