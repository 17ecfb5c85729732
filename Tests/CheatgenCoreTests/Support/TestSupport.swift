import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

// MARK: - Parsing helpers

/// A sheet's front matter, so each test only writes the part it is about.
let header = "---\ntitle: Test\n---\n"

/// The languages as a build sees them.
let languages = LanguageRegistry.catalog
/// How a build reads sheets when `cheatgen.yml` says nothing.
let parseOptions = SheetParser.Options(languages: languages)

/// Parses Markdown text as if read from `path`.
func parse(_ markdown: String, path: String = "sheet.md") -> SheetParser.Result {
    SheetParser.parse(markdown, path: path, options: parseOptions)
}

/// Parses bytes as if read from `path` (the route real files take: decoding, BOM, line endings).
func parse(bytes: [UInt8], path: String = "sheet.md") -> SheetParser.Result {
    SheetParser.parse(Data(bytes), path: path, options: parseOptions)
}

extension SheetParser.Result {
    /// Every diagnostic as `cheatgen check --diagnostic-ids` prints it (first line only: notes and
    /// details dropped), so that each test pins the problem's identifier as well as its place.
    var lines: [String] { diagnostics.map { $0.formatted(showingID: true).split(separator: "\n", omittingEmptySubsequences: false)[0] }.map(String.init) }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension Sheet {
    /// Section and card anchors in document order.
    var anchorList: [String] {
        sections.flatMap { [$0.anchor] + $0.cards.map(\.anchor) }
    }
}

/// Parses a sheet that must parse, returning it; records an issue (and throws) if it did not.
func sheet(_ markdown: String, path: String = "sheet.md", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Sheet {
    let result = parse(markdown, path: path)
    return try #require(result.sheet, "sheet did not parse: \(result.lines)", sourceLocation: sourceLocation)
}

/// The only snippet of a sheet made of `header` + `body`.
func onlySnippet(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Snippet {
    let parsed = try sheet(header + body, sourceLocation: sourceLocation)
    try #require(parsed.snippets.count == 1, "expected one snippet, got \(parsed.snippets.count)", sourceLocation: sourceLocation)
    return parsed.snippets[0]
}

// MARK: - Fixtures

enum Fixtures {
    /// The copied `Fixtures` folder inside the test bundle.
    static var directory: URL {
        get throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is missing from the test bundle")
            return url
        }
    }

    static func url(_ name: String) throws -> URL {
        let url = try directory.appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: url.path), "fixture \(name) is missing")
        return url
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }
}

/// The 1-based line of the only line of `text` that contains `needle`; the oracle for
/// "reported at the exact Markdown line" (found in the file, not computed like cheatgen does).
func lineNumber(of needle: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let hits = lines.indices.filter { lines[$0].contains(needle) }
    try #require(hits.count == 1, "'\(needle)' occurs on \(hits.count) lines of the fixture", sourceLocation: sourceLocation)
    return hits[0] + 1
}

/// The 1-based column where `needle` starts on its line.
func columnNumber(of needle: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let line = try lineNumber(of: needle, in: text, sourceLocation: sourceLocation)
    let content = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    let range = try #require(content.range(of: needle), sourceLocation: sourceLocation)
    return content.distance(from: content.startIndex, to: range.lowerBound) + 1
}

// MARK: - Running the cheatgen executable

/// A temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL
    /// Whether a launched cheatgen finds the toolchain already learned in `.cheatgen/`, as in any
    /// repository after its first check (`LearnedToolchain`); false for tests of a first check.
    let learned: Bool

    init(learned: Bool = true) throws {
        self.learned = learned
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cheatgen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Copies a fixture in under `name` (default: its own name) and returns the name.
    @discardableResult
    func copyFixture(_ fixture: String, as name: String? = nil) throws -> String {
        let target = name ?? fixture
        try FileManager.default.copyTree(at: Fixtures.url(fixture), to: url.appendingPathComponent(target))
        return target
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    /// A new file for a launched cheatgen's standard output or error. It lies beside the
    /// directory, not in it: the directory is the repository under test, and where nothing can
    /// be contained cheatgen watches its files while snippets run — a file the test harness
    /// makes or deletes there meanwhile (another run's capture) would be blamed on a snippet.
    func captureFile(_ stream: String) -> URL {
        let folder = url.appendingPathExtension("captures")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(stream)-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: url.appendingPathExtension("captures"))
    }
}

struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String

    var outputLines: [String] { Self.lines(standardOutput) }
    var errorLines: [String] { Self.lines(standardError) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

enum Cheatgen {
    /// The `cheatgen` executable built next to this test bundle (`swift test` builds every
    /// product of the package into the same `debug/` folder). `CHEATGEN_EXECUTABLE` overrides it.
    static var executable: URL {
        get throws {
            if let explicit = ProcessInfo.processInfo.environment["CHEATGEN_EXECUTABLE"], !explicit.isEmpty {
                return URL(fileURLWithPath: explicit)
            }
            let productsDirectory = Bundle.module.bundleURL.deletingLastPathComponent()
            let candidate = productsDirectory.appendingPathComponent("cheatgen")
            try #require(
                FileManager.default.isExecutableFile(atPath: candidate.path),
                "the cheatgen executable is not at \(candidate.path); build it with 'swift build --product cheatgen' using the same --scratch-path as the tests")
            return candidate
        }
    }

    /// Runs `cheatgen arguments…` in `directory` and waits for it; `environment` adds to (or
    /// replaces) the test's own variables; `executable` runs another copy (an installed one).
    ///
    /// The wait suspends rather than blocks: a test blocked in `waitUntilExit()` holds one of the
    /// cooperative pool's threads (two, on two cores) for as long as its child runs, so every other
    /// test — timers included — waited behind the slowest launches. A few launches at a time
    /// (`launches`) keep the machine busy without running every end-to-end test at once.
    static func run(_ arguments: [String], in directory: TemporaryDirectory, environment: [String: String] = [:],
                    executable other: URL? = nil) async throws -> CommandResult {
        await launches.acquire()
        defer { Task { await launches.release() } }
        let process = Process()
        process.executableURL = try other ?? executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory.url
        // Commands that verify snippets start where a repository's first check left the toolchain.
        if directory.learned, let command = arguments.first, ["check", "build", "bless", "serve"].contains(command) {
            try LearnedToolchain.seed(directory.url, executable: try executable)
        }
        // Files, not pipes: nothing can fill up and block while we wait.
        let outURL = directory.captureFile("stdout")
        let errURL = directory.captureFile("stderr")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in finished.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                finished.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outURL, encoding: .utf8),
            standardError: withoutMachineNotes(try String(contentsOf: errURL, encoding: .utf8)))
    }

    /// How many `cheatgen` launches run at once: twice the cores, as each mostly waits on its own
    /// children (compilers, snippets) or on a timer.
    static let launches = LaunchLimit(ProcessInfo.processInfo.activeProcessorCount * 2)

    /// Under scripts/unprivileged-tests every run notes that this machine cannot contain
    /// snippets (no namespace, no control group could be made); tests compare what is left.
    /// Notes asked for with `CHEATGEN_CONFINEMENT=…` name it, and stay.
    static func withoutMachineNotes(_ text: String) -> String {
        guard ProcessInfo.processInfo.environment["CHEATGEN_UNPRIVILEGED_TESTS"] == "1" else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.filter { line in
            !(line.hasPrefix("cheatgen: note: ") && line.contains("could be made (") && !line.contains("CHEATGEN_CONFINEMENT="))
        }.joined(separator: "\n")
    }
}

/// Checks that `block` appears in `lines` as consecutive lines, and says where it differs if not.
func expectConsecutive(_ block: [String], in lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let first = block.first else { return }
    let found = lines.indices.contains { start in
        lines[start] == first && start + block.count <= lines.count && Array(lines[start..<start + block.count]) == block
    }
    #expect(found, "expected these consecutive lines:\n\(block.joined(separator: "\n"))\n--- in:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

/// A counting semaphore for async code: `acquire` suspends (never blocks a thread) while
/// `limit` holders are inside.
actor LaunchLimit {
    private let limit: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if inside < limit {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()  // the slot passes straight to the next in line
        }
    }
}

/// `cmark-gfm arguments…` (at `path`) on `markdown`: the HTML it writes. GitHub's own renderer, the
/// oracle for tables and the other extensions.
func runCmarkGFM(_ markdown: String, at path: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(markdown.utf8))
    try input.fileHandleForWriting.close()
    let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return html
}
