import Foundation
import Testing

/// Swift snippets compiled together through the real binary: the same names in two snippets
/// never meet, a snippet the shared module rejects or fails in goes alone, and every verdict,
/// message and warning is what each snippet compiled as its own module gives (`swift: merge:
/// false`, the switch the comparison uses).
@Suite("Merged compilation, end to end", .serialized)
struct MergedCompilationTests {
    /// What a run printed, without what differs between two runs of the same verdicts: the
    /// order of the progress lines and the seconds.
    private func said(_ result: CommandResult) -> [String] {
        let lines = (result.outputLines + result.errorLines).filter { !$0.hasPrefix("swift: ") && !$0.hasPrefix("$ ") }
        let progress = lines.filter { $0.hasPrefix("cheatgen: FAILED") || $0.hasPrefix("passed ") || $0.hasPrefix("failed ") }
        let timeless = progress.map { $0.replacingOccurrences(of: #" \([0-9.]+ s\)"#, with: "", options: .regularExpression) }.sorted()
        // ThreadSanitizer's own notes name the process ("==4242==WARNING: …").
        return timeless + lines.filter { !progress.contains($0) }.map { $0.replacingOccurrences(of: #"==[0-9]+=="#, with: "==PID==", options: .regularExpression) }
    }

    private func standalone(_ directory: TemporaryDirectory, extra: String = "") throws {
        try directory.write("swift:\n  merge: false\n" + extra, to: "cheatgen.yml")
    }

    @Test func snippetsShareAModuleAndSayWhatTheySayAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("merged.md")
        let merged = try await Cheatgen.run(["check", sheet, "--no-cache", "--verbose", "--jobs", "2"], in: directory)
        #expect(merged.outputLines == ["snippets: 6 passed, 2 failed, 0 skipped"], "\(merged.standardError)")
        // Two tallies with one name each, an awaiting and a catching snippet shared modules;
        // the snippet whose top-level constant a plain function reads (which main.swift allows
        // and a shared module's isolation does not) was put out and passed alone.
        #expect(merged.errorLines.contains("swift: 6 of 8 snippets compiled in 2 shared module(s)"), "\(merged.standardError)")
        #expect(merged.errorLines.contains { $0.hasPrefix("swift: a shared module of 4 snippets did not compile; 1 of them go on alone") }, "\(merged.standardError)")
        #expect(merged.errorLines.contains { $0.hasPrefix("passed merged/read-from-a-plain-function (") })
        // A failure names the snippet's own module, as a standalone compile does: it was run alone.
        #expect(merged.errorLines.contains { $0.contains("Fatal error: Error raised at top level: S_merged__thrown_to_the_top.Refused()") }, "\(merged.standardError)")
        #expect(merged.errorLines.contains("merged.md:100:9: warning: variable 'total' was never mutated; consider changing to 'let' constant"))

        try standalone(directory)
        try FileManager.default.removeItem(atPath: directory.path + "/.cheatgen")
        let alone = try await Cheatgen.run(["check", sheet, "--no-cache", "--verbose", "--jobs", "2"], in: directory)
        #expect(!alone.errorLines.contains { $0.hasPrefix("swift: ") && $0.contains("shared module") }, "merge: false merges nothing")
        #expect(alone.status == merged.status)
        #expect(said(merged) == said(alone))
    }

    @Test func repeatedAndSanitizedRunsAgreeToo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("merged.md")
        var runs: [[String]] = []
        for merge in [true, false] {
            if !merge { try standalone(directory) }
            try? FileManager.default.removeItem(atPath: directory.path + "/.cheatgen")
            let repeated = try await Cheatgen.run(["check", sheet, "--no-cache", "--repeat", "2"], in: directory)
            #expect(repeated.outputLines == ["snippets: 6 passed, 2 failed, 0 skipped"], "\(repeated.standardError)")
            let sanitized = try await Cheatgen.run(["check", sheet, "--no-cache", "--sanitize", "thread"], in: directory)
            runs.append(said(repeated) + said(sanitized))
        }
        #expect(runs[0] == runs[1])
    }

    @Test func aSettingThatIsNeitherTrueNorFalseIsAnError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("merged.md")
        try directory.write("swift:\n  merge: sometimes\n", to: "cheatgen.yml")
        let result = try await Cheatgen.run(["check", "merged.md"], in: directory)
        #expect(result.status == 2 || result.status == 1)
        #expect(result.errorLines.contains { $0.hasPrefix("cheatgen.yml:2:10: error: 'swift: merge' must be true") }, "\(result.standardError)")
    }

    /// The repository's content/, and the book's chapters where this machine has them (a clone
    /// elsewhere has only content/).
    static var corpora: [URL] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let book = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/swift-book")
        return [repository.appendingPathComponent("content")] + (FileManager.default.fileExists(atPath: book.path) ? [book] : [])
    }

    /// content/'s Swift sheets and the four chapters of the Swift book in
    /// ../shared/corpora/swift-book, both ways: every verdict, message and warning the same.
    /// Minutes of compiling: run when CHEATGEN_CORPUS_TESTS=1 (CI does).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHEATGEN_CORPUS_TESTS"] == "1", "set CHEATGEN_CORPUS_TESTS=1 (minutes of compiling)"),
          arguments: Self.corpora)
    func aCorpusGivesTheSameVerdictsBothWays(_ source: URL) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/sheets", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".md") && name != "FAILURES.md" {
            try FileManager.default.copyItem(atPath: source.path + "/" + name, toPath: directory.path + "/sheets/" + name)
        }
        // content/'s sheets link to one another: all of them are checked, and only Swift differs.
        var said: [[String]] = []
        for merge in [true, false] {
            if !merge { try standalone(directory) }
            try? FileManager.default.removeItem(atPath: directory.path + "/.cheatgen")
            let result = try await Cheatgen.run(["check", "sheets", "--no-cache"], in: directory)
            let objects = (try? FileManager.default.contentsOfDirectory(atPath: directory.path + "/.cheatgen/objects")) ?? []
            #expect(objects.contains { $0.hasPrefix("merged-") } == merge, "shared modules were compiled only when merging")
            said.append(self.said(result))
        }
        #expect(said[0] == said[1])
        #expect(said[0].contains { $0.hasPrefix("snippets: ") })
    }
}
