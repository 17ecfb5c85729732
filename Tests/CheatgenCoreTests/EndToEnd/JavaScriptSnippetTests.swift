import Foundation
import Testing
@testable import CheatgenModel

/// JavaScript snippets through the real binary: ES modules on `node` (imports, top-level
/// `await`), `uses=` of an earlier snippet's exports, unordered output, abort signals, a
/// `SyntaxError` as compile-fail, an unhandled rejection as should-crash, and failures — wrong
/// output, an uncaught exception — at their Markdown lines.
@Suite("JavaScript snippets, end to end", .serialized)
struct JavaScriptSnippetTests {
    @Test func javascriptSnippetsAreVerifiedAndFailuresPointAtTheMarkdown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("javascript.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines

        // Everything passes but the wrong sum, the uncaught throw and the await nothing settles.
        #expect(result.outputLines == ["snippets: 7 passed, 3 failed, 0 skipped"], "\(result.standardError)")
        #expect(result.status == 1)

        // Wrong output: at the output block's line that differs, with the diff.
        let wrong = try lineNumber(of: "sum: 7", in: text)
        expectConsecutive([
            "javascript.md:\(wrong):1: error: snippet output does not match the 'output' block",
            "--- expected",
            "+++ actual",
            "@@ -1,1 +1,1 @@",
            "-sum: 7",
            "+sum: 6",
        ], in: lines)

        // An uncaught exception: at the line that threw (column included), the stack in Markdown lines.
        let thrown = try lineNumber(of: "throw new SyntaxError", in: text)
        let call = try lineNumber(of: "parse(await delayed(1, \"oops\"));", in: text)
        #expect(lines.contains("javascript.md:\(thrown):9: error: snippet threw SyntaxError: cannot parse oops"), "\(lines)")
        #expect(lines.contains { $0.contains("at parse (javascript.md:\(thrown):9)") }, "\(lines)")
        #expect(lines.contains { $0.contains("at javascript.md:\(call):1") }, "\(lines)")
        // Nothing names the temporary module cheatgen ran.
        #expect(!result.standardError.contains(".mjs"), "\(result.standardError)")
        // An await that nothing will settle: Node gives up with status 13, and the report says why.
        let unsettled = try lineNumber(of: "const signal = AbortSignal.timeout(50);", in: text) - 1
        #expect(lines.contains("javascript.md:\(unsettled):1: error: snippet exited with status 13: a top-level await never settled, and nothing was left that could settle it (an unref'd timer such as AbortSignal.timeout's does not keep Node running)"), "\(lines)")
        #expect(lines.count { $0.contains(": error: ") } == 3)
    }

    @Test func aSyntaxErrorIsReportedAtItsLineWhenItWasNotExpected() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("""
            ---
            title: Broken
            ---

            ## Broken

            ### Half a function

            ```js
            console.log("fine");
            function half( {
            ```

            ### Only checked

            ```js compile-only
            export const answer = 42;
            ```

            """, to: "broken.md")
        let result = try await Cheatgen.run(["check", "broken.md", "--no-cache", "--quiet"], in: directory)
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"], "\(result.standardError)")
        // Node reads the module to its end before it gives up: the error is at the closing fence.
        #expect(result.errorLines.first == "broken.md:12:1: error: snippet threw SyntaxError: Unexpected end of input", "\(result.errorLines)")
        #expect(!result.standardError.contains(".mjs"), "\(result.standardError)")
    }

    @Test func javascriptPagesAreHighlightedAndBadgedWithNode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("""
            ---
            title: Node page
            ---

            ## Node

            ### Hidden setup

            ```js
            // snippet.hide
            const secret = 21;
            // snippet.show
            console.log(secret * 2);
            ```

            ```output
            42
            ```

            """, to: "content/node.md")
        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/node.html")
        // Pygments coloured it at build time; the badge names the runtime, not a compiler.
        #expect(page.contains("<pre class=\"code language-javascript\"><code><span class=\"hidden-lines\"><span class=\"kw\">const</span> secret <span class=\"op\">=</span> <span class=\"nu\">21</span>;"), "\(page)")
        // Node's major release only (Debian 12 has 18, NodeSource 20): a committed site is not one machine's.
        #expect(page.contains(try Regex(#"Run with Node [0-9]+;"#)), "\(page)")
        #expect(!page.contains("Compiled with Node"))
    }

    @Test func withoutNodeOnlyTheJavaScriptSnippetsFailAndSayWhy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("""
            ---
            title: Plain Swift
            ---

            ## Swift

            ### Adds up

            ```swift
            print(2 + 3)
            ```

            ```output
            5
            ```

            """, to: "content/plain.md")
        // A machine without Node: a site without JavaScript does not need it.
        let missing = ["CHEATGEN_NODE": directory.path + "/no-node-here"]
        let swiftOnly = try await Cheatgen.run(["build", "content", "--quiet"], in: directory, environment: missing)
        #expect(swiftOnly.status == 0, "\(swiftOnly.standardError)")
        #expect(swiftOnly.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped", "wrote site/: 1 sheet"])

        // With a JavaScript sheet, each of its snippets fails at its fence, saying what to install;
        // the Swift one is still verified.
        try directory.write("""
            ---
            title: Some JavaScript
            ---

            ## JavaScript

            ### Adds up too

            ```js
            console.log(2 + 3);
            ```

            ```output
            5
            ```

            """, to: "content/some.md")
        let withJS = try await Cheatgen.run(["check", "content", "--quiet"], in: directory, environment: missing)
        #expect(withJS.status == 1)
        #expect(withJS.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        #expect(withJS.errorLines == [
            "content/some.md:9:1: error: cannot verify 'javascript' snippets here: CHEATGEN_NODE is set to '\(directory.path)/no-node-here', which is not an executable program",
        ], "\(withJS.errorLines)")
        // Without the override and without node on PATH, it says what to install.
        let noPath = try await Cheatgen.run(["check", "content/some.md", "--quiet"], in: directory, environment: ["PATH": directory.path])
        #expect(noPath.errorLines == [
            "content/some.md:9:1: error: cannot verify 'javascript' snippets here: 'node' was not found on PATH (install Node.js 18 or later, e.g. Debian's nodejs, or set CHEATGEN_NODE)",
        ], "\(noPath.errorLines)")
    }
}
