import Foundation

extension FileManager {
    /// Copies a file or a folder tree: the bytes and the permission bits, not the owner.
    /// `copyItem` also copies the owner, which fails (EINVAL) where the fixtures' owner does not
    /// exist — as in scripts/unprivileged-tests, whose user namespace maps no user.
    func copyTree(at source: URL, to target: URL) throws {
        var isFolder: ObjCBool = false
        guard fileExists(atPath: source.path, isDirectory: &isFolder) else { throw CocoaError(.fileNoSuchFile) }
        let permissions = try attributesOfItem(atPath: source.path)[.posixPermissions]
        if isFolder.boolValue {
            try createDirectory(at: target, withIntermediateDirectories: false)
            for name in try contentsOfDirectory(atPath: source.path) {
                try copyTree(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        } else {
            guard createFile(atPath: target.path, contents: try Data(contentsOf: source)) else { throw CocoaError(.fileWriteUnknown) }
        }
        if let permissions { try setAttributes([.posixPermissions: permissions], ofItemAtPath: target.path) }
    }
}
