import Crypto
import Foundation
import CheatgenModel

/// Dependencies declared with `path:`: made absolute (relative to the folder of the
/// configuration file when there is one, else the working directory) and stamped with a
/// revision — a hash of the package's manifest and sources — so a change to the package
/// rebuilds it and verifies its snippets again, while an unchanged one stays cached.
///
/// The revision hashes contents, not modification times: CI machines check out fresh files,
/// and their verdicts must still match (see the verdict cache).
package struct LocalPackage {
    let base: URL
    private var revisions: [String: String] = [:]

    /// `configurationPath`: the `--config` file, whose folder paths are relative to when it exists.
    package init(configurationPath: String) {
        let fileManager = FileManager.default
        let workingDirectory = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        if fileManager.fileExists(atPath: configurationPath) {
            base = URL(fileURLWithPath: configurationPath, relativeTo: workingDirectory).deletingLastPathComponent().standardizedFileURL
        } else {
            base = workingDirectory.standardizedFileURL
        }
    }

    /// The same declarations with local paths absolute and their revisions set.
    package mutating func resolve(_ dependencies: [PackageDependency]) -> [PackageDependency] {
        dependencies.map { dependency in
            guard case .path(let written) = dependency.source else { return dependency }
            var resolved = dependency
            let path = URL(fileURLWithPath: written, relativeTo: base).standardizedFileURL.path
            resolved.source = .path(path)
            if let known = revisions[path] {
                resolved.revision = known
            } else {
                let revision = Self.revision(of: path)
                revisions[path] = revision
                resolved.revision = revision
            }
            return resolved
        }
    }

    /// The files that decide what a package builds: its manifests, `Package.resolved`, and
    /// everything under `Sources/` (hidden files aside).
    static func inputs(of packagePath: String) -> [String] {
        let fileManager = FileManager.default
        var files = ((try? fileManager.contentsOfDirectory(atPath: packagePath)) ?? []).filter { name in
            (name.hasPrefix("Package") && name.hasSuffix(".swift")) || name == "Package.resolved"
        }
        if let walker = fileManager.enumerator(atPath: "\(packagePath)/Sources") {
            while let relative = walker.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: "\(packagePath)/Sources/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append("Sources/\(relative)")
                }
            }
        }
        return files.sorted()
    }

    /// SHA-256 over the inputs' names and contents, shortened: equal sources, equal revision.
    static func revision(of packagePath: String) -> String {
        var hasher = SHA256()
        for file in inputs(of: packagePath) {
            let contents = FileManager.default.contents(atPath: "\(packagePath)/\(file)") ?? Data()
            hasher.update(data: Array("\(file.utf8.count):\(file)\(contents.count):".utf8))
            hasher.update(data: contents)
        }
        return hasher.finalize().prefix(10).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
