import Foundation

/// Notices edits under the content paths and the configuration by polling their sizes and
/// modification times: dependency-free, and cheap for folders of Markdown files.
struct ContentWatcher {
    let paths: [String]

    /// path → (size, modification time) of every file watched.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? fileManager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.map { "\(path)/\($0)" }
                : [path]
            for file in files {
                guard let attributes = try? fileManager.attributesOfItem(atPath: file) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[file] = "\(size):\(modified)"
            }
        }
        return result
    }

    /// Returns when something changed (after it has been quiet for a moment, so an editor's
    /// save-by-rename counts once).
    func waitForChange(from previous: [String: String], interval: Duration = .milliseconds(250)) async throws -> [String: String] {
        var current = previous
        while current == previous {
            try await Task.sleep(for: interval)
            current = snapshot()
        }
        while true {
            try await Task.sleep(for: interval)
            let settled = snapshot()
            if settled == current { return settled }
            current = settled
        }
    }
}
