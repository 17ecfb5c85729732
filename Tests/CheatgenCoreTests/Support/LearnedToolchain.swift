import Foundation
import Synchronization
import Testing

/// What a repository's first check learns about the toolchain and keeps in `.cheatgen/`: the
/// Swift driver's plans for a compile and a link (`frontend-*.json`, `link-*.json`) and the tools'
/// versions (`tool-*.txt`), each keyed by the binary it describes. Learning them costs a fresh
/// repository about a quarter of a second of CPU (three `swiftc -###` and a `--version` each);
/// a test repository that a test checks, builds, blesses or serves gets the answers of one real
/// check made at the start of the test run, so it starts as any repository does after its
/// first check. Nothing else is copied: verdicts,
/// objects and runners are always the test's own. Tests of the learning itself start without
/// them (`TemporaryDirectory(learned: false)`; `DriverJobTests` learn in-process).
enum LearnedToolchain {
    /// The names of the files a check of one Swift, one Python and one JavaScript snippet left.
    private static let learned = Mutex<[URL]?>(nil)

    /// Copies the learned files into `directory`'s `.cheatgen/` unless it already has one.
    static func seed(_ directory: URL, executable: URL) throws {
        let target = directory.appendingPathComponent(".cheatgen")
        guard !FileManager.default.fileExists(atPath: target.path) else { return }
        let files = try learned.withLock { known -> [URL] in
            if let known { return known }
            let files = try learn(executable: executable)
            known = files
            return files
        }
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(at: file, to: target.appendingPathComponent(file.lastPathComponent))
        }
    }

    /// Runs one real check in a folder of its own (kept until the process ends) and returns the
    /// files it learned. Languages whose tools are missing simply leave nothing to copy.
    private static func learn(executable: URL) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cheatgen-tests-learned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sheet = """
        ---
        title: Learning
        ---
        ## Each language once
        ### Swift
        ```swift
        print("swift")
        ```
        ```output
        swift
        ```
        ### Python
        ```python
        print("python")
        ```
        ```output
        python
        ```
        ### JavaScript
        ```js
        console.log("javascript")
        ```
        ```output
        javascript
        ```
        """
        try sheet.write(to: folder.appendingPathComponent("learn.md"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["check", "learn.md", "--quiet"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let work = folder.appendingPathComponent(".cheatgen")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        let files = names.filter { name in
            ["frontend-", "link-", "tool-"].contains { name.hasPrefix($0) }
        }.sorted().map { work.appendingPathComponent($0) }
        try #require(files.contains { $0.lastPathComponent.hasPrefix("frontend-") },
                     "a first check learned nothing about the Swift compiler (exit \(process.terminationStatus)) in \(folder.path)")
        return files
    }
}
