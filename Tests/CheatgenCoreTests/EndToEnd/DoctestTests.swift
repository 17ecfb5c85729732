import Foundation
import Testing

/// Python doctests through the real binary: `pycon` fences (and `python` fences that open with
/// a `>>> ` prompt) run by the standard library's doctest, each failing example reported at
/// its own Markdown line, `bless` rewriting the expected lines, and blocks doctest cannot run
/// refused at their place.
@Suite("Python doctests, end to end", .serialized)
struct DoctestTests {
    @Test func passingDoctestsAreVerified() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("doctest.md")

        // The variable is cheatgen's, never the doctest's: the last example checks it is unset.
        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory, environment: ["DOCTEST_SECRET": "hunter2"])

        // The pantry (prompts, a loop, an expected traceback, +ELLIPSIS, <BLANKLINE>), the
        // python fence read as a doctest, the helper and the doctest that uses it.
        #expect(result.outputLines == ["snippets: 4 passed, 0 failed, 0 skipped"], "\(result.standardError)")
        #expect(result.status == 0)
        #expect(result.standardError == "")
    }

    @Test func aFailingExampleIsReportedAtItsOwnLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("doctest-failing.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines

        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])
        #expect(result.status == 1)
        let sum = try lineNumber(of: ">>> sum(costs)", in: text)
        expectConsecutive([
            "doctest-failing.md:\(sum):1: error: doctest example's output does not match the lines under it",
            "  >>> sum(costs)",
            "  expected:",
            "      14",
            "  got:",
            "      15",
        ], in: lines)
        // An exception nobody wrote down: at its example's line, the traceback naming the Markdown.
        let parse = try lineNumber(of: ">>> int(\"eight\")", in: text)
        expectConsecutive([
            "doctest-failing.md:\(parse):1: error: doctest example raised ValueError: invalid literal for int() with base 10: 'eight'",
            "  >>> int(\"eight\")",
            "  Traceback (most recent call last):",
            "    File \"doctest-failing.md\", line \(parse), in <module>",
        ], in: lines)
        #expect(lines.contains("  expected:") && lines.contains("      8"))
        // The examples that pass are not reported; nothing names cheatgen's scratch files.
        #expect(lines.count { $0.contains(": error: ") } == 2, "\(result.standardError)")
        #expect(!result.standardError.contains(".doctest") && !result.standardError.contains("cheatgen_doctest"), "\(result.standardError)")
    }

    @Test func blessRewritesTheExpectedLinesOfFailingExamples() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("doctest-failing.md")
        let original = try directory.read(sheet)

        let bless = try await Cheatgen.run(["bless", sheet, "--quiet"], in: directory)

        #expect(bless.status == 0, "\(bless.standardError)")
        #expect(bless.outputLines == ["blessed 1 snippet in 1 file"])
        let sum = try lineNumber(of: ">>> sum(costs)", in: original)
        #expect(bless.errorLines.contains("doctest-failing.md:\(sum + 1):1: note: blessed the expected output of doctest-failing/adding-up"))
        let expected = original
            .replacingOccurrences(of: ">>> sum(costs)\n14\n", with: ">>> sum(costs)\n15\n")
            .replacingOccurrences(of: ">>> int(\"eight\")\n8\n", with: """
                >>> int("eight")
                Traceback (most recent call last):
                  ...
                ValueError: invalid literal for int() with base 10: 'eight'

                """)
        #expect(try directory.read(sheet) == expected)

        let again = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        #expect(again.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"], "\(again.standardError)")
        #expect(again.status == 0)
    }

    @Test func blocksDoctestCannotRunAreErrorsAtTheirPlace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
            ---
            title: Not quite doctests
            ---

            ### No prompt

            ```pycon
            print("a script in the wrong fence")
            ```

            ### A prompt without its space

            ```pycon
            >>> ready = True
            >>>ready
            True
            ```

            ### A directive with no example

            ```pycon
            >>> total = 2
            >>> # doctest: +SKIP
            ```

            ### An output block under a doctest

            ```pycon
            >>> print("hi")
            hi
            ```

            ```output
            hi
            ```

            """
        try directory.write(text, to: "odd.md")

        let result = try await Cheatgen.run(["check", "odd.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 0 passed, 4 failed, 0 skipped"], "\(result.standardError)")
        let fence = try lineNumber(of: "print(\"a script in the wrong fence\")", in: text) - 1
        #expect(result.errorLines.contains(
            "odd.md:\(fence):1: error: a 'pycon' block has no '>>> ' prompt: doctest would run nothing; write each example as '>>> code' with what it prints under it, or use a 'python' fence for a script"),
            "\(result.standardError)")
        let squeezed = try lineNumber(of: ">>>ready", in: text)
        #expect(result.errorLines.contains("odd.md:\(squeezed):1: error: doctest cannot read this example: it lacks blank after >>>: '>>>ready'"),
                "\(result.standardError)")
        // doctest counts this message's line from 0, its others from 1: both land on the line.
        let directive = try lineNumber(of: ">>> # doctest: +SKIP", in: text)
        #expect(result.errorLines.contains(
            "odd.md:\(directive):1: error: doctest cannot read this example: it has an option directive on a line with no example: '# doctest: +SKIP'"),
            "\(result.standardError)")
        let output = try lineNumber(of: "```output", in: text)
        #expect(result.errorLines.contains(
            "odd.md:\(output):1: error: a doctest's expected output is written under each of its examples; this 'output' block would never be checked"),
            "\(result.standardError)")
    }
}
