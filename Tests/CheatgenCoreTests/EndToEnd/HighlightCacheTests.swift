import Foundation
import Testing
@testable import CheatgenVerification
@testable import CheatgenSite

/// Pygments' colouring remembered in `.cheatgen/` between builds: a second build of unchanged
/// sheets starts no Python, an edited block is the only one lexed again, and the pages are the
/// same bytes either way. Python is a wrapper that notes how many blocks each run was given,
/// then runs the real interpreter.
@Suite("Pygments' colouring between builds", .serialized)
struct HighlightCacheTests {
    /// A sheet with a shell block, a YAML block and a block in a language Pygments has no lexer for.
    private static let sheet = """
        ---
        title: Notes
        ---

        ## Shell

        ### Loop over files

        ```bash
        for name in *.txt; do echo "$name"; done
        ```

        ### Settings

        ```yaml
        retries: 3
        verbose: true
        ```

        ### Made-up language

        ```glorp
        zap 3 -> out
        ```
        """

    /// A repository with the sheet, and a `python3` that logs each Pygments run's block count
    /// to `python-runs.log` beside it.
    private func repository() throws -> (TemporaryDirectory, [String: String]) {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        try directory.write(Self.sheet, to: "content/notes.md")
        let python = try #require(ToolVersion.locate("python3", override: "CHEATGEN_PYTHON"), "python3 is needed for Pygments")
        let log = directory.url.appendingPathExtension("python-runs.log").path
        let wrapper = directory.url.appendingPathExtension("python3").path
        try """
            #!/bin/sh
            if [ "$1" = "-c" ] && [ -n "$3" ]; then
              '\(python)' -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$3" >> '\(log)'
            fi
            exec '\(python)' "$@"
            """.write(toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        return (directory, ["CHEATGEN_PYTHON": wrapper])
    }

    /// Block counts of the Pygments runs so far, and forgets them.
    private func runs(_ directory: TemporaryDirectory) throws -> [Int] {
        let log = directory.url.appendingPathExtension("python-runs.log")
        defer { try? FileManager.default.removeItem(at: log) }
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { Int($0) }
    }

    /// The repository built once, its Pygments runs forgotten: what the later builds compare with.
    private func builtOnce() async throws -> (TemporaryDirectory, [String: String], page: String) {
        let (directory, environment) = try repository()
        let page = try await build(directory, environment)
        _ = try runs(directory)
        return (directory, environment, page)
    }

    /// The paths of the Pygments records in the repository's `.cheatgen/`.
    private func records(_ directory: TemporaryDirectory) throws -> [String] {
        let folder = directory.url.appendingPathComponent(".cheatgen")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("highlighted-") }.map { folder.appendingPathComponent($0).path }
    }

    private func build(_ directory: TemporaryDirectory, _ environment: [String: String], extra: [String] = [],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await Cheatgen.run(["build", "content", "--quiet"] + extra, in: directory, environment: environment)
        #expect(result.status == 0, "build failed:\n\(result.standardError)", sourceLocation: sourceLocation)
        return try directory.read("site/notes.html")
    }

    @Test func anUnchangedSiteIsColouredWithoutStartingPython() async throws {
        let (directory, environment) = try repository()
        defer { directory.remove() }

        let first = try await build(directory, environment)
        #expect(try runs(directory).reduce(0, +) == 3, "the first build lexes every block, the unknown language's too")
        #expect(first.contains(#"<span class="kw">for</span>"#), "the shell block is coloured")
        #expect(first.contains("zap 3 -&gt; out"), "the made-up language's block is on the page, plain")

        let second = try await build(directory, environment)
        #expect(try runs(directory) == [], "nothing changed: no Python starts")
        #expect(second == first, "the page is the same, byte for byte")

        try directory.write(Self.sheet.replacingOccurrences(of: "retries: 3", with: "retries: 5"), to: "content/notes.md")
        let edited = try await build(directory, environment)
        #expect(try runs(directory) == [1], "only the edited block is lexed again")
        #expect(edited != first, "the edit is on the page")
        let fresh = try await build(directory, environment, extra: ["--no-cache"])
        #expect(try runs(directory).reduce(0, +) == 3)
        #expect(edited == fresh, "the page is what colouring every block afresh gives")
    }

    @Test func noCacheOrADamagedRecordLexesEverythingAgain() async throws {
        let (directory, environment, first) = try await builtOnce()
        defer { directory.remove() }

        let again = try await build(directory, environment, extra: ["--no-cache"])
        #expect(try runs(directory).reduce(0, +) == 3, "--no-cache colours every block again")
        #expect(again == first)

        let paths = try records(directory)
        #expect(paths.count == 1, "one record for this Python")
        for path in paths {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        }
        let repaired = try await build(directory, environment)
        #expect(try runs(directory).reduce(0, +) == 3, "a damaged record is not trusted: every block is lexed again")
        #expect(repaired == first)
    }

    @Test func anotherPythonStartsARecordOfItsOwn() async throws {
        let (directory, environment, first) = try await builtOnce()
        defer { directory.remove() }

        // The same interpreter under another name is another fingerprint: it is asked again.
        let other = directory.url.appendingPathExtension("other-python3").path
        try FileManager.default.copyItem(atPath: environment["CHEATGEN_PYTHON"]!, toPath: other)
        let second = try await build(directory, ["CHEATGEN_PYTHON": other])
        #expect(try runs(directory).reduce(0, +) == 3)
        #expect(second == first)
    }

    @Test func pygmentsChangedOnDiskIsAskedAgain() async throws {
        let (directory, environment, first) = try await builtOnce()
        defer { directory.remove() }

        // The record names the Pygments it was made with; here a stand-in file, so the test can
        // change it as an upgrade would.
        let path = try #require(try records(directory).first)
        var record = try #require(CacheFile.readJSON(HighlightCache.Record.self, from: path))
        let standIn = directory.url.appendingPathExtension("pygments-init.py").path
        try "__version__ = '1'\n".write(toFile: standIn, atomically: true, encoding: .utf8)
        record.pygmentsFile = standIn
        record.pygmentsFingerprint = ToolVersion.fingerprint(of: standIn, companions: [])
        #expect(CacheFile.writeJSON(record, to: path))

        #expect(try await build(directory, environment) == first)
        #expect(try runs(directory) == [], "the Pygments the record names is unchanged")

        try "__version__ = '2.0'\n".write(toFile: standIn, atomically: true, encoding: .utf8)
        #expect(try await build(directory, environment) == first)
        #expect(try runs(directory).reduce(0, +) == 3, "Pygments changed on disk: every block is lexed again")
    }
}
