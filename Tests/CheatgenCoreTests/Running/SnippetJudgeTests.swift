import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification
@testable import CheatgenLanguages

/// The verdict on one run, judged from a process outcome written by hand: what `check` prints
/// for each way a snippet can end, without running anything.
@Suite("Judging a run")
struct SnippetJudgeTests {
    /// A sheet whose only snippet (fence on line 5) has `attributes` and, if given, an
    /// `output` block (fence on line 9, its first line on line 10).
    private func snippet(_ attributes: String = "", output: String? = nil) throws -> Snippet {
        var body = "\n```swift\(attributes.isEmpty ? "" : " " + attributes)\nprint(1)\n```\n"
        if let output { body += "\n```output\n\(output)```\n" }
        return try onlySnippet(body)
    }

    private func outcome(_ ending: ProcessOutcome.Ending = .exited(0), stdout: String = "", stderr: String = "",
                         timedOut: Bool = false, tooMuchOutput: Bool = false, seconds: Double = 0.01) -> ProcessOutcome {
        ProcessOutcome(ending: ending, standardOutput: Array(stdout.utf8), standardError: Array(stderr.utf8),
                       timedOut: timedOut, exceededOutputLimit: tooMuchOutput, duration: .milliseconds(Int(seconds * 1000)))
    }

    /// Each problem as `check` prints it, first line only.
    private func judged(_ snippet: Snippet, _ outcome: ProcessOutcome, maxTime: Double? = nil) -> [String] {
        let checks = SnippetJudge.RunChecks(timeout: 10, outputLimit: 4 << 20, maxTime: maxTime)
        return SnippetJudge.judge(snippet, outcome: outcome, checks: checks).map { String($0.formatted.split(separator: "\n")[0]) }
    }

    @Test func theRightOutputAndAZeroStatusPass() throws {
        #expect(judged(try snippet(output: "1\n"), outcome(stdout: "1\n")) == [])
        #expect(judged(try snippet(), outcome(stdout: "anything, with no output block\n")) == [])
    }

    @Test func trailingSpacesAndBlankLinesDoNotFailARun() throws {
        #expect(judged(try snippet(output: "a\nb\n"), outcome(stdout: "a   \nb\t\n\n\n")) == [])
        #expect(judged(try snippet(output: "a  \n\n"), outcome(stdout: "a")) == [])
    }

    @Test func wrongOutputIsReportedAtTheFirstDifferingLineWithADiff() throws {
        let problems = SnippetJudge.judge(try snippet(output: "one\ntwo\nthree\n"), outcome: outcome(stdout: "one\n2\nthree\n"),
                                          checks: .init(timeout: 10, outputLimit: 1 << 20))
        #expect(problems.map(\.formatted) == ["""
            sheet.md:11:1: error: snippet output does not match the 'output' block
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             one
            -two
            +2
             three
            """])
    }

    @Test func aWildcardLineStandsForAnyNumberOfLines() throws {
        let snippet = try snippet(output: "start\n...\nend\n")
        #expect(judged(snippet, outcome(stdout: "start\nend\n")) == [])
        #expect(judged(snippet, outcome(stdout: "start\nx\ny\nz\nend\n")) == [])
        #expect(judged(snippet, outcome(stdout: "start\nx\nfinish\n")) == ["sheet.md:12:1: error: snippet output does not match the 'output' block"],
                "'end', the block's third line, is where it differs")
    }

    @Test func unorderedComparesLinesAsAMultiset() throws {
        let snippet = try snippet("unordered", output: "a\nb\na\n")
        #expect(judged(snippet, outcome(stdout: "b\na\na\n")) == [])
        #expect(judged(snippet, outcome(stdout: "a\nb\n")) == ["sheet.md:12:1: error: snippet output does not match the 'output' block (compared unordered, lines sorted)"],
                "the second 'a' is missing")
        #expect(judged(snippet, outcome(stdout: "a\nb\na\na\n")) == ["sheet.md:13:1: error: snippet output does not match the 'output' block (compared unordered, lines sorted)"],
                "one line too many: at the closing fence")
    }

    @Test func aNonZeroStatusFailsARunWithWhatItPrintedToStderr() throws {
        let problems = SnippetJudge.judge(try snippet(), outcome: outcome(.exited(3), stderr: "giving up\n"), checks: .init(timeout: 10, outputLimit: 1 << 20))
        #expect(problems.map(\.formatted) == ["sheet.md:5:1: error: snippet exited with status 3\n  stderr: giving up"])
    }

    @Test func aNonZeroStatusAndWrongOutputAreBothReported() throws {
        #expect(judged(try snippet(output: "1\n"), outcome(.exited(1), stdout: "2\n")) == [
            "sheet.md:5:1: error: snippet exited with status 1",
            "sheet.md:10:1: error: snippet output does not match the 'output' block",
        ])
    }

    @Test func shouldCrashThatExitedNormallyFails() throws {
        #expect(judged(try snippet("should-crash"), outcome(.exited(0))) == [
            "sheet.md:5:1: error: snippet was expected to crash (should-crash) but exited normally",
        ])
    }

    @Test func shouldCrashPassesOnASignalOrANonZeroStatus() throws {
        let snippet = try snippet("should-crash")
        #expect(judged(snippet, outcome(.signaled(SIGILL), stderr: "Fatal error: Index out of range\n")) == [])
        #expect(judged(snippet, outcome(.exited(1))) == [])
    }

    @Test func shouldCrashStillChecksItsOutput() throws {
        #expect(judged(try snippet("should-crash", output: "before\n"), outcome(.signaled(SIGTRAP), stdout: "other\n")) == [
            "sheet.md:10:1: error: snippet output does not match the 'output' block",
        ])
    }

    @Test func aCrashOfARunSnippetNamesTheSignalAndTheFatalError() throws {
        let stderr = "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\nCurrent stack trace:\n0 frame\n"
        let problems = SnippetJudge.judge(try snippet(), outcome: outcome(.signaled(SIGILL), stderr: stderr),
                                          checks: .init(timeout: 10, outputLimit: 1 << 20, errors: SwiftErrorReader()))
        #expect(problems.map(\.formatted) == [
            "sheet.md:5:1: error: snippet crashed: signal \(SIGILL) SIGILL (Swift runtime trap): Fatal error: Index out of range",
        ], "the runtime's file is dropped, and so is the stack dump")
    }

    @Test func aLanguageWithoutItsOwnReaderStillNamesTheSignal() throws {
        let problems = SnippetJudge.judge(try snippet(), outcome: outcome(.signaled(SIGSEGV), stderr: "oops\n"), checks: .init(timeout: 10, outputLimit: 1 << 20))
        #expect(problems.map(\.formatted) == ["sheet.md:5:1: error: snippet crashed: signal \(SIGSEGV) SIGSEGV (segmentation fault)\n  stderr: oops"])
    }

    @Test func aTimeoutIsReportedAloneWithHowToRaiseIt() throws {
        // Killed, it exited by a signal and printed half its output: only the timeout is news.
        let problems = SnippetJudge.judge(try snippet(output: "1\n2\n"), outcome: outcome(.signaled(SIGKILL), stdout: "1\n", timedOut: true),
                                          checks: .init(timeout: 2.5, outputLimit: 1 << 20))
        #expect(problems.map(\.formatted) == ["sheet.md:5:1: error: snippet timed out after 2.5 s and was killed (raise it with timeout=<seconds>)"])
        let whole = SnippetJudge.judge(try snippet(), outcome: outcome(.signaled(SIGKILL), timedOut: true), checks: .init(timeout: 10, outputLimit: 1 << 20))
        #expect(whole.map(\.id) == [.timedOut])
    }

    @Test func tooMuchOutputIsReportedInMebibytes() throws {
        let problems = SnippetJudge.judge(try snippet(), outcome: outcome(.signaled(SIGKILL), tooMuchOutput: true),
                                          checks: .init(timeout: 10, outputLimit: 4 << 20))
        #expect(problems.map(\.formatted) == ["sheet.md:5:1: error: snippet printed more than 4 MiB and was stopped"])
    }

    @Test func aRunOverItsMaxTimeFailsEvenWithTheRightOutput() throws {
        let snippet = try snippet("max-time=150ms", output: "1\n")
        #expect(judged(snippet, outcome(stdout: "1\n", seconds: 0.4), maxTime: 0.15) == [
            "sheet.md:5:1: error: snippet ran for 400 ms, over its max-time of 150 ms",
        ])
        #expect(judged(snippet, outcome(stdout: "1\n", seconds: 0.1), maxTime: 0.15) == [])
        #expect(judged(snippet, outcome(stdout: "1\n", seconds: 1.52), maxTime: 1) == [
            "sheet.md:5:1: error: snippet ran for 1.52 s, over its max-time of 1 s",
        ])
    }

    @Test func noMaxTimeMeansNoTimeCheck() throws {
        #expect(judged(try snippet(), outcome(seconds: 9.5), maxTime: nil) == [])
    }

    @Test func durationsAreWordedForPeople() {
        #expect(SnippetJudge.formatDuration(0.15) == "150 ms")
        #expect(SnippetJudge.formatDuration(0.9996) == "1 s")
        #expect(SnippetJudge.formatDuration(0.9994) == "999 ms")
        #expect(SnippetJudge.formatDuration(2) == "2 s")
        #expect(SnippetJudge.formatDuration(1.5) == "1.5 s")
        #expect(SnippetJudge.formatDuration(1.05) == "1.05 s")
    }

    // MARK: --repeat

    @Test func runsThatDisagreeMakeAFlakyVerdictAtTheFenceWithTheFirstFailureAsANote() throws {
        let snippet = try snippet(output: "1\n")
        let checks = SnippetJudge.RunChecks(timeout: 10, outputLimit: 1 << 20)
        let runs = ["1\n", "2\n", "1\n"].map { printed in
            RunVerdict(outcome: outcome(stdout: printed), problems: SnippetJudge.judge(snippet, outcome: outcome(stdout: printed), checks: checks))
        }

        let result = RunVerdict.combine(runs, snippet: snippet, compileSeconds: 0)

        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.formatted) == ["""
            sheet.md:5:1: error: flaky: 2 of 3 runs matched
            sheet.md:10:1: note: run 2 of 3: snippet output does not match the 'output' block
            --- expected
            +++ actual
            @@ -1,1 +1,1 @@
            -1
            +2
            """])
        #expect(result.actualOutput == "2\n", "bless would see the failing run")
    }

    @Test func runsThatAllFailReportTheFirstRunsProblemsPlainly() throws {
        let snippet = try snippet()
        let checks = SnippetJudge.RunChecks(timeout: 10, outputLimit: 1 << 20)
        let runs = [3, 4].map { status in
            RunVerdict(outcome: outcome(.exited(Int32(status))), problems: SnippetJudge.judge(snippet, outcome: outcome(.exited(Int32(status))), checks: checks))
        }
        #expect(RunVerdict.combine(runs, snippet: snippet, compileSeconds: 0).diagnostics.map(\.formatted) == ["sheet.md:5:1: error: snippet exited with status 3"])
    }

    // MARK: compile-fail

    @Test func compileFailThatCompiledFails() throws {
        let snippet = try onlySnippet("\n```swift compile-fail\nlet x = 1\n```\n")
        #expect(SnippetJudge.judgeRejection(snippet, compilerOutput: nil).map(\.formatted) == [
            "sheet.md:5:1: error: snippet was expected not to compile (compile-fail) but it compiled",
        ])
    }

    @Test func compileFailPassesWhenEachErrorLineIsInTheCompilersMessages() throws {
        let snippet = try onlySnippet("\n```swift compile-fail\nlet x: Int = \"a\"\n```\n\n```error\n  cannot convert value  \n\n```\n")
        let said = "sheet.md:6:14: error: cannot convert value of type 'String' to specified type 'Int'\n"
        #expect(SnippetJudge.judgeRejection(snippet, compilerOutput: said, errors: SwiftErrorReader()) == [], "spaces around a line and blank lines do not count")
    }

    @Test func aMissingErrorLineIsReportedAtTheErrorBlockWithWhatTheCompilerSaid() throws {
        let snippet = try onlySnippet("\n```swift compile-fail\nlet x: Int = \"a\"\n```\n\n```error\ncannot convert value\nmissing return\n```\n")
        let said = "sheet.md:6:14: error: cannot convert value of type 'String' to specified type 'Int'\n"
        #expect(SnippetJudge.judgeRejection(snippet, compilerOutput: said, errors: SwiftErrorReader()).map(\.formatted) == ["""
            sheet.md:9:1: error: the compiler's messages do not contain: 'missing return'
              the compiler said:
                cannot convert value of type 'String' to specified type 'Int'
            """])
    }
}
