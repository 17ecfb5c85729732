import Foundation
import Testing
@testable import CheatgenModel

/// Python snippets through the real binary: run with `python3`, `uses=` of earlier snippets'
/// definitions, exceptions at the Markdown line that raised them, SyntaxError as compile-fail.
@Suite("Python snippets, end to end", .serialized)
struct PythonSnippetTests {
    @Test func pythonSnippetsAreVerifiedAndExceptionsPointAtTheMarkdown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("python.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines

        // Output, hidden lines, uses=, SyntaxError as compile-fail and should-crash all pass;
        // the two snippets that raise fail.
        #expect(result.outputLines == ["snippets: 5 passed, 2 failed, 0 skipped"])
        #expect(result.status == 1)

        // Reported at the line that raised, with the traceback naming the Markdown file.
        let raise = try lineNumber(of: "raise ValueError(\"boom\")", in: text)
        let call = try lineNumber(of: "check(2)", in: text)
        expectConsecutive([
            "python.md:\(raise):1: error: snippet raised ValueError: boom",
            "  Traceback (most recent call last):",
            "    File \"python.md\", line \(call), in <module>",
            "      check(2)",
            "    File \"python.md\", line \(raise), in check",
            "      raise ValueError(\"boom\")",
            "  ValueError: boom",
        ], in: lines)

        // Raised inside a helper brought in by uses=: the helper's own line in its card.
        let helperRaise = try lineNumber(of: "raise ValueError(f\"{n} is odd\")", in: text)
        let helperCall = try lineNumber(of: "print(halve(3))", in: text)
        #expect(lines.contains("python.md:\(helperRaise):1: error: snippet raised ValueError: 3 is odd"))
        #expect(lines.contains("    File \"python.md\", line \(helperCall), in <module>"))
        #expect(lines.contains("    File \"python.md\", line \(helperRaise), in halve"))

        // Nothing names the temporary script cheatgen ran.
        #expect(!result.standardError.contains(".py\""), "\(result.standardError)")
        #expect(lines.count { $0.contains(": error: ") } == 2)
    }

    @Test func pythonSnippetsBuildIntoThePage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("""
            ---
            title: Python page
            ---

            ## Python

            ### Hidden setup

            ```python
            # snippet.hide
            secret = 21
            # snippet.show
            print(secret * 2)
            ```

            ```output
            42
            ```

            ### Rejected

            ```python compile-fail
            print("unclosed"
            ```

            """, to: "content/py.md")

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        let html = try directory.read("site/py.html")
        // Hidden lines are in place in a span the stylesheet hides, highlighted like the rest, and
        // in the program a copy takes.
        #expect(html.contains(#"<pre class="code language-python"><code><span class="hidden-lines">secret <span class="op">=</span> <span class="nu">21</span>\#n</span><span class="ty">print</span>(secret <span class="op">*</span> <span class="nu">2</span>)</code></pre>"#))
        #expect(html.contains(#"data-program="secret = 21\#nprint(secret * 2)\#n""#))
        #expect(!html.contains("snippet.hide"))
        #expect(html.contains("<pre class=\"output\"><code>42</code></pre>"))
        // A Python compiler error is shown as Python says it, without Swift's "error: " prefix.
        #expect(html.contains("<pre class=\"output compiler-error\"><code>SyntaxError: &#39;(&#39; was never closed</code></pre>"))
        #expect(html.contains("title=\"Run with Python "))
    }
}
