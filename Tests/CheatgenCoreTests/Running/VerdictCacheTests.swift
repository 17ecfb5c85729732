import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification

/// The verdicts a run keeps for the next: what comes back is what was stored, diagnostics and
/// all; anything that does not read back whole is a miss, so the snippet is checked again.
@Suite("Verdict cache")
struct VerdictCacheTests {
    private func snippet() throws -> Snippet {
        try onlySnippet("```swift\nprint(1)\n```\n\n```output\n1\n```\n")
    }

    @Test func aPassComesBackAsACachedPassWithWhatWasChecked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VerdictCache(directory: directory.path + "/verdicts")
        let snippet = try snippet()
        var passed = SnippetResult(snippet: snippet, status: .passed, duration: 1.25)
        passed.checks = .init(runs: 3, notes: ["swift.thread-sanitizer"], maxTime: 0.5)
        passed.diagnostics = [.warning(.compileWarning, "variable 'x' was never used", at: SourceLocation(path: "sheet.md", line: 5, column: 9))]
        #expect(cache.lookup("key-1") == nil, "an empty cache has nothing")
        cache.store(.init(passed), for: "key-1")

        let result = try #require(cache.lookup("key-1")).result(for: snippet)
        #expect(result.status == .passed)
        #expect(result.cached, "the run says it did not compile or run it")
        #expect(result.duration == 1.25)
        #expect(result.checks == passed.checks, "the badge claims what the first run checked")
        #expect(result.diagnostics == passed.diagnostics, "its warnings are reported again")
        #expect(!result.isCompileFailure)
        #expect(cache.lookup("key-2") == nil, "another key is another verdict")
    }

    @Test func aFailuresDiagnosticsComeBackWholeWithNotesAndLocations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VerdictCache(directory: directory.path)
        let snippet = try snippet()
        let error = Diagnostic(
            .error, .compileError, at: SourceLocation(path: "content/basics.md", line: 12, column: 17),
            "cannot convert value of type 'String' to specified type 'Int'",
            details: ["    let n: Int = \"one\"", "                 ^~~~~"],
            notes: [
                Diagnostic(.note, .note, at: SourceLocation(path: "content/basics.md", line: 10, column: 5), "'n' declared here",
                           notes: [Diagnostic(.note, .note, at: nil, "nested note without a place")]),
                Diagnostic(.note, .note, at: nil, "compiled in Swift 6 language mode"),
            ])
        let failed = SnippetResult(snippet: snippet, status: .failed, diagnostics: [error, .error(.exitStatus, "second problem", at: nil)],
                                   compilerErrors: ["cannot convert value of type 'String' to specified type 'Int'"], duration: 0.5)
        cache.store(.init(failed), for: "failure")

        let result = try #require(cache.lookup("failure")).result(for: snippet)
        #expect(result.status == .failed)
        #expect(result.isCompileFailure, "only a rejected compile is cached as a failure")
        #expect(result.diagnostics == failed.diagnostics)
        #expect(result.diagnostics.map(\.id) == [.compileError, .exitStatus], "each problem keeps its identifier")
        #expect(result.diagnostics.map(\.formatted) == failed.diagnostics.map(\.formatted), "printed as the first run printed them")
        #expect(result.diagnostics.first?.notes.first?.notes.first?.location == nil)
        #expect(result.compilerErrors == failed.compilerErrors, "the page shows the compiler's error again")
    }

    @Test func aCorruptTruncatedOrForeignEntryIsAMiss() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VerdictCache(directory: directory.path)
        cache.store(.init(SnippetResult(snippet: try snippet(), status: .passed)), for: "k")
        let path = directory.path + "/k.json"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(cache.lookup("k") != nil)

        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(cache.lookup("k") == nil, "truncated")
        #expect(!FileManager.default.fileExists(atPath: path), "and removed, so the next run writes it again")

        var flipped = whole
        flipped[flipped.startIndex + 2] ^= 0x20
        try flipped.write(to: URL(fileURLWithPath: path))
        #expect(cache.lookup("k") == nil, "one changed byte")

        try Data([0xFF, 0xFE, 0x00, 0x7B]).write(to: URL(fileURLWithPath: path))
        #expect(cache.lookup("k") == nil, "garbage")

        CacheFile.write(Data(#"{"verdict":"passed"}"#.utf8), to: path)
        #expect(cache.lookup("k") == nil, "a sealed record that is not a verdict")

        CacheFile.write(Data(#"{"compilerErrors":[],"duration":"soon"}"#.utf8), to: path)
        #expect(cache.lookup("k") == nil, "a verdict with a field of the wrong type")
    }

    @Test func anEntryWrittenBeforeFailuresWereCachedIsAPass() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VerdictCache(directory: directory.path)
        CacheFile.write(Data(#"{"compilerErrors":[],"duration":0.75}"#.utf8), to: directory.path + "/old.json")
        let result = try #require(cache.lookup("old")).result(for: try snippet())
        #expect(result.status == .passed)
        #expect(result.diagnostics.isEmpty)
        #expect(result.checks == .init())
        #expect(result.duration == 0.75)
    }
}
