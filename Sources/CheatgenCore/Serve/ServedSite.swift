import Foundation
import CheatgenModel
import Synchronization

/// The site `serve` answers from: every file of the last swapped-in site, read into memory
/// after each build under the lock builds swap under. A request never sees a folder half
/// swapped or a page half written — it gets the previous site or the next one, whole — and a
/// build in another terminal cannot pull files from under it.
final class ServedSite: Sendable {
    private let files = Mutex<[String: Data]>([:])
    private let hosts = Mutex<Set<String>>([])

    /// Reads the site at `root` (nothing when there is none yet).
    func load(from root: URL) {
        // Unlockable (an unreadable parent folder): read it anyway, as before there were locks.
        let loaded = (try? FileLock.withLock(root.deletingLastPathComponent().path) { Self.read(root) }) ?? Self.read(root)
        files.withLock { $0 = loaded }
    }

    /// The file at a site-relative path ("index.html", "sheets/x.html").
    func file(_ relativePath: String) -> Data? { files.withLock { $0[relativePath] } }

    /// Whether the site has a folder at `relativePath` (answered with its `index.html`).
    func hasIndex(in relativePath: String) -> Bool { file("\(relativePath)/index.html") != nil }

    /// The `Host` values the server answers: its loopback names with the port it listens on.
    func listening(on port: UInt16) {
        var names: Set<String> = []
        for name in ["127.0.0.1", "localhost", "[::1]"] {
            names.insert("\(name):\(port)")
            if port == 80 { names.insert(name) }
        }
        hosts.withLock { $0 = names }
    }

    /// A DNS-rebinding guard: a page on another origin that resolves its own name to 127.0.0.1
    /// sends its own name as `Host`, and is refused.
    func accepts(host: String?) -> Bool {
        guard let host else { return false }
        let name = host.trimmingCharacters(in: .whitespaces).lowercased()
        return hosts.withLock { $0.contains(name) }
    }

    private static func read(_ root: URL) -> [String: Data] {
        let base = root.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        var files: [String: Data] = [:]
        while let relative = enumerator.nextObject() as? String {
            let path = base + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            files[relative] = data
        }
        return files
    }
}
