import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite

/// What a snippet's badge tells a reader: exactly what was checked and with what, never more;
/// "not verified" for anything that did not pass in this build.
@Suite("Snippet badges")
struct SnippetBadgeTests {
    private func badge(_ body: String, _ status: SnippetResult.Status?, version: String = "Swift 6.2",
                       checks: SnippetResult.Checks = .init(), cached: Bool = false) throws -> SnippetBadge {
        let snippet = try onlySnippet(body)
        var result = status.map { SnippetResult(snippet: snippet, status: $0, cached: cached) }
        result?.checks = checks
        return SnippetBadge(snippet: snippet, result: result, version: version)
    }

    static let swiftWithOutput = "```swift\nprint(1)\n```\n\n```output\n1\n```\n"

    @Test func aPassWithItsOutputSaysTheOutputWasChecked() throws {
        let passed = try badge(Self.swiftWithOutput, .passed)
        #expect(passed.text == "✓ output checked")
        #expect(passed.title == "Compiled with Swift 6.2 and run; what it printed was checked against the output shown.")
    }

    @Test func aPassWithoutOutputOnlyRan() throws {
        let passed = try badge("```python\nprint(1)\n```\n", .passed, version: "Python 3.11")
        #expect(passed.text == "✓ ran")
        #expect(passed.title == "Run with Python 3.11; it exited normally (there is no output block, so what it prints is not checked).",
                "an interpreted language is run, not compiled")
    }

    @Test func failedSkippedAndUnrunSnippetsAreNotVerified() throws {
        for status in [SnippetResult.Status.failed, .skipped, nil] {
            let shown = try badge(Self.swiftWithOutput, status)
            #expect(shown.text == "not verified", "\(String(describing: status))")
            #expect(shown.title == "This snippet was not verified in this build")
        }
        let ignored = try badge("```swift ignore\nprint(1)\n```\n", .passed)
        #expect(ignored.text == "not verified", "an ignored snippet never claims a check, even with a passing result")
        #expect(ignored.title == "Shown only: this snippet is not compiled or run")
    }

    @Test func aCachedPassClaimsWhatTheFirstRunChecked() throws {
        let checks = SnippetResult.Checks(runs: 1, notes: [SwiftVerifier.threadSanitizerNote])
        let fresh = try badge(Self.swiftWithOutput, .passed, checks: checks)
        let cached = try badge(Self.swiftWithOutput, .passed, checks: checks, cached: true)
        #expect(cached.text == fresh.text)
        #expect(cached.title == fresh.title)
        #expect(cached.text.contains("TSan"))
    }

    @Test func extraChecksAreNamedOnTheBadge() throws {
        let checks = SnippetResult.Checks(runs: 3, notes: [SwiftVerifier.threadSanitizerNote], maxTime: 2)
        let swift = try badge("```swift\nprint(1)\n```\n\n```output\n1\n```\n", .passed, checks: checks)
        #expect(swift.text == "✓ output checked · stable over 3 runs · no data race (TSan) · under 2 s")
        #expect(swift.title == "Compiled with Swift 6.2 and run; what it printed was checked against the output shown. "
                + "It ran 3 times at once, every run alike. ThreadSanitizer watched it run and reported no data race. "
                + "Every run finished within 2 s.")

        let python = try badge("```python\nprint(1)\n```\n", .passed, version: "Python 3.11",
                               checks: .init(notes: [SwiftVerifier.threadSanitizerNote]))
        #expect(python.text == "✓ ran", "only Swift words the thread sanitizer's check")
    }

    @Test func compilerSettingsAndModesAreNamed() throws {
        let mode = try badge("```swift language-mode=5 compile-only\nlet x = 1\n```\n", .passed)
        #expect(mode.text == "✓ compiles")
        #expect(mode.title == "Compiled with Swift 6.2 (Swift 5 language mode); not run.")

        let rejected = try badge("```swift compile-fail\nlet x: Int = \"one\"\n```\n", .passed)
        #expect(rejected.text == "✓ compile error checked")
        #expect(rejected.title == "Swift 6.2 rejects this code; the error shown was checked.")

        let trap = try badge("```swift should-crash\nlet a: [Int] = []\nprint(a[1])\n```\n", .passed)
        #expect(trap.text == "✓ traps as expected")
        #expect(trap.title == "Compiled with Swift 6.2 and run; it stops with a runtime error, as expected.")
    }

    @Test func aKnownFailureSaysSoWithItsReasonAndOtherFailuresDoNot() throws {
        let snippet = try onlySnippet(Self.swiftWithOutput)
        var result = SnippetResult(snippet: snippet, status: .failed)
        result.knownFailure = .init(page: "a.md", line: 1, fingerprint: "0123abcd", id: .outputMismatch, reason: "prints a trailing space")
        let known = SnippetBadge(snippet: snippet, result: result, version: "Swift 6.2")
        #expect(known.text == "✗ known failure")
        #expect(known.kind == "known-failure")
        #expect(known.title == "This snippet fails with Swift 6.2 (run.output-mismatch), as the site's list of known failures says (prints a trailing space); what it shows is not verified.")
        result.knownFailure = nil
        let unknown = SnippetBadge(snippet: snippet, result: result, version: "Swift 6.2")
        #expect(unknown.text == "not verified" && unknown.kind == nil)
    }

    @Test func theBadgeIsOnThePageAsTextWithItsTitle() throws {
        let shown = try badge(Self.swiftWithOutput, .passed, checks: .init(notes: [SwiftVerifier.threadSanitizerNote]))
        let view = SnippetView(kind: "run", id: nil, language: "swift", codeHTML: "print(1)", program: nil,
                               badgeText: shown.text, badgeTitle: shown.title, badgeKind: "run", uses: nil, hasOutput: true,
                               outputLabel: "Output", output: "1", hasErrors: false, errors: "")
        let html = try Theme.builtIn().render(view, template: "snippet")
        #expect(html.contains("""
            <span class="badge badge-run" title="Compiled with Swift 6.2 and run; what it printed was checked against the output shown. \
            ThreadSanitizer watched it run and reported no data race.">✓ output checked · no data race (TSan)</span>
            """))
    }

    @Test func theFooterCountsPassedSnippetsByWhatWasChecked() throws {
        let parsed = try sheet(header + """

            ```swift
            print(1)
            ```

            ```output
            1
            ```

            ```swift
            print(2)
            ```

            ```output
            2
            ```

            ```python
            print(3)
            ```

            ```swift compile-only
            let x = 1
            ```

            ```swift ignore
            let shown = 1
            ```

            ```swift
            print(4)
            ```
            """)
        let statuses: [SnippetResult.Status] = [.passed, .passed, .passed, .passed, .passed, .failed]
        let report = VerificationReport(results: zip(parsed.snippets, statuses).map { SnippetResult(snippet: $0, status: $1) }, versions: [:])
        #expect(SnippetBadge.summary(report) == "2 with their output checked, 1 run to a normal exit, 1 compiled only",
                "the ignored snippet and the failure are not counted")
        #expect(SnippetBadge.summary(VerificationReport(results: [], versions: [:])) == "none yet")
    }
}
