import Foundation

/// Verdicts of snippets that passed, keyed by everything that decides them. Safe to delete at
/// any time; portable between machines with the same toolchain (the key includes its version).
struct VerdictCache: Sendable {
    let directory: String

    struct Entry: Codable, Sendable {
        var compilerErrors: [String]
        var duration: Double
    }

    func lookup(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(for: key)) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    func store(_ entry: Entry, for key: String) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let target = path(for: key)
        let temporary = "\(target).\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: data) {
            _ = rename(temporary, target)
        }
    }

    private func path(for key: String) -> String { "\(directory)/\(key).json" }
}
