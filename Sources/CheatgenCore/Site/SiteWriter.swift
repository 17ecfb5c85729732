import Foundation

/// Writes a site atomically: every file goes into a fresh folder beside the target, which then
/// replaces the target in one rename. A build that fails before the swap leaves the old site.
struct SiteWriter {
    let destination: URL
    private let staging: URL
    private var written: Set<String> = []

    init(destination: String) throws {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        ChildProcesses.shared.writing(folder: staging.path)
    }

    mutating func write(_ data: Data, to relativePath: String) throws {
        precondition(!relativePath.contains(".."), "site paths stay inside the site")
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        written.insert(relativePath)
    }

    mutating func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Swaps the staged folder into place.
    func commit() throws {
        let fileManager = FileManager.default
        let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: destination.path) {
            try fileManager.moveItem(at: destination, to: old)
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.moveItem(at: old, to: destination) }
            throw CheatgenError("cannot move the new site into \(destination.path): \(error.localizedDescription)")
        }
        ChildProcesses.shared.finished(folder: staging.path)
        try? fileManager.removeItem(at: old)
    }

    /// Throws the staged folder away.
    func discard() {
        ChildProcesses.shared.finished(folder: staging.path)
        try? FileManager.default.removeItem(at: staging)
    }
}
