import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

/// The pure pieces of the JavaScript language: what `uses=` takes from a snippet, how Node's
/// reports are read back to the Markdown, and how fences name the language.
@Suite("JavaScript, piece by piece")
struct JavaScriptPiecesTests {
    @Test func usesTakesDeclarationsNotStatements() async {
        let code = """
            import { setTimeout as sleep } from "node:timers/promises";
            console.log("setting up");
            export async function twice(value) {
              await sleep(1);
              return [value, value];
            }

            const limit = 3;
            let counter = 0, other = 1;
            class Queue {
              items = [];
            }
            await twice(1);
            for (const x of [1]) {
              console.log(x);
            }
            const chained = Promise.resolve(1)
              .then((x) => x + 1);
            import("node:os");
            """
        let declarations = JavaScriptDeclarations.extract(from: code)
        #expect(declarations.map(\.lineOffset) == [0, 2, 7, 8, 9, 16])
        #expect(declarations[1].text == """
            export async function twice(value) {
              await sleep(1);
              return [value, value];
            }
            """, "a function runs to its closing brace, without the blank line after it")
        #expect(declarations[4].text == "class Queue {\n  items = [];\n}")
        #expect(declarations[5].text == "const chained = Promise.resolve(1)\n  .then((x) => x + 1);")
        #expect(!declarations.contains { $0.text.contains("console.log") || $0.text.hasPrefix("import(") })
    }

    @Test func usesKeepsEachLineMappedToItsMarkdownLine() throws {
        let sheet = try #require(SheetParser.parse(Data("""
            ---
            title: Map
            ---

            ## Map

            ### Helper

            ```js id=helper
            console.log("not brought along");
            function double(x) {
              return 2 * x;
            }
            ```

            ### User

            ```js uses=helper
            console.log(double(21));
            ```
            """.utf8), path: "map.md", options: parseOptions).sheet)
        let named = Dictionary(uniqueKeysWithValues: sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } })
        let program = try #require(LanguageRegistry.program(for: sheet.snippets[1], named: named)).get()
        #expect(program.text == "function double(x) {\n  return 2 * x;\n}\nconsole.log(double(21));\n\n")
        #expect(program.lineMap == [11, 12, 13, 19, 20])
    }

    @Test func nodeReportsNameTheMarkdownFileLineAndColumn() {
        let file = "/tmp/scratch/1/map__user.mjs"
        let report = """
            file://\(file):4
              throw new RangeError("too big");
                    ^

            RangeError: too big
                at check (file://\(file):4:9)
                at file://\(file):6:1
                at ModuleJob.run (node:internal/modules/esm/module_job:325:25)

            Node.js v20.20.2
            """
        let mapper = NodeStackMapper(file: file, markdownPath: "content/map.md", lineMap: [20, 21, 22, 23, 24, 25])
        #expect(mapper.rewrite(report).split(separator: "\n").map(String.init) == [
            "content/map.md:23",
            "  throw new RangeError(\"too big\");",
            "        ^",
            "RangeError: too big",
            "    at check (content/map.md:23:9)",
            "    at content/map.md:25:1",
            "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)",
            "Node.js v20.20.2",
        ])
        #expect(mapper.location(in: report) == SourceLocation(path: "content/map.md", line: 23, column: 9))
        #expect(mapper.summary(of: report) == "RangeError: too big")
    }

    @Test func aSyntaxErrorFromCheckIsReadAtItsLine() {
        let file = "/tmp/s/x.mjs"
        let report = "\(file):2\nconst total = ;\n              ^\n\nSyntaxError: Unexpected token ';'\n    at checkSyntax (node:internal/main/check_syntax:74:5)\n\nNode.js v20.20.2\n"
        let mapper = NodeStackMapper(file: file, markdownPath: "a.md", lineMap: [7, 8, 9])
        #expect(mapper.location(in: report) == SourceLocation(path: "a.md", line: 8, column: 1))
        #expect(mapper.summary(of: report) == "SyntaxError: Unexpected token ';'")
        // Past the last line (end of input): the snippet's last line, its closing fence.
        #expect(mapper.rewrite("\(file):5\n").hasPrefix("a.md:9"))
    }

    @Test func aThrownValueThatIsNotAnErrorIsStillSummarised() {
        let report = "node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\nplain words\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n\nNode.js v20.20.2\n"
        let mapper = NodeStackMapper(file: "/tmp/x.mjs", markdownPath: "a.md", lineMap: [3])
        #expect(mapper.summary(of: report) == "plain words")
        #expect(mapper.location(in: report) == nil)
    }

    @Test func anErrorThrownInsideTheRuntimeIsPlacedAtTheSnippetsFrameAndNamed() {
        // JSON.parse fails on text the snippet gave it: Node quotes that text, with no caret,
        // and the innermost frames are the runtime's, not the snippet's.
        let file = "/tmp/scratch/2/tally__parse.mjs"
        let report = """
            <anonymous_script>:1
            [2,

            SyntaxError: Unexpected end of JSON input
                at JSON.parse (<anonymous>)
                at parse (file://\(file):2:15)
                at Array.map (<anonymous>)
                at file://\(file):4:31
                at ModuleJob.run (node:internal/modules/esm/module_job:325:25)

            Node.js v20.20.2
            """
        let mapper = NodeStackMapper(file: file, markdownPath: "content/tally.md", lineMap: [30, 31, 32, 33, 34])
        #expect(mapper.location(in: report) == SourceLocation(path: "content/tally.md", line: 31, column: 15))
        #expect(mapper.summary(of: report) == "SyntaxError: Unexpected end of JSON input")
        #expect(mapper.rewrite(report).contains("    at JSON.parse (<anonymous>)\n    at parse (content/tally.md:31:15)\n"))
    }

    @Test func usesTakesExportDefaultGeneratorsAndBracedImports() {
        let code = """
            import{ readFile } from "node:fs/promises";
            export default class Stack {}
            function* naturals() {
              yield 1;
            }
            var legacy = 1;
            console.log(import.meta.url);
            letter = "not a let";
            """
        #expect(JavaScriptDeclarations.extract(from: code).map(\.lineOffset) == [0, 1, 2, 5])
    }

    @Test func fencesNameLanguagesByNameOrAlias() {
        #expect(LanguageRegistry.canonicalName("js") == "javascript")
        #expect(LanguageRegistry.canonicalName("mjs") == "javascript")
        #expect(LanguageRegistry.canonicalName("javascript") == "javascript")
        #expect(LanguageRegistry.canonicalName("py") == "python")
        #expect(LanguageRegistry.canonicalName("swift") == "swift")
        #expect(LanguageRegistry.canonicalName("sh") == "bash")
        #expect(LanguageRegistry.canonicalName("shell-session") == "console")
        #expect(LanguageRegistry.canonicalName("ruby") == nil)
        #expect(LanguageRegistry.language("javascript")?.displayName == "JavaScript")
        #expect(LanguageRegistry.highlighter(for: "js").needsPygments)
        #expect(!LanguageRegistry.highlighter(for: "swift").needsPygments)
    }
}
