import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

/// What `uses=` takes from a Python snippet: its top-level imports, functions, classes and
/// assignments, each whole and at its own line; never its calls, prints or loops.
@Suite("Python declarations")
struct PythonDeclarationsTests {
    @Test func usesTakesDeclarationsNotStatements() {
        let code = """
            import math
            from dataclasses import dataclass
            print("setting up")
            def area(radius):
                return math.pi * radius ** 2

            class Shape:
                sides = 0

                def describe(self):
                    return f"{self.sides} sides"
            LIMIT = 3
            for n in range(LIMIT):
                print(area(n))
            area(2)
            """
        let declarations = PythonDeclarations.extract(from: code)
        #expect(declarations.map(\.lineOffset) == [0, 1, 3, 6, 11])
        #expect(declarations.map(\.text) == [
            "import math",
            "from dataclasses import dataclass",
            "def area(radius):\n    return math.pi * radius ** 2\n",
            "class Shape:\n    sides = 0\n\n    def describe(self):\n        return f\"{self.sides} sides\"",
            "LIMIT = 3",
        ], "a body runs to the next line at column 0, blank lines inside it included")
        #expect(!declarations.contains { $0.text.contains("print") || $0.text.hasPrefix("for") || $0.text.hasPrefix("area(") },
                "no call, print or loop is brought along")
    }

    @Test func nestedDefinitionsAndAssignmentsStayInsideTheirParent() {
        let code = """
            def outer():
                def inner():
                    return 1
                value = inner()
                return value
            """
        let declarations = PythonDeclarations.extract(from: code)
        #expect(declarations.count == 1, "inner and value are not declarations of the snippet")
        #expect(declarations.first?.text == code)
    }

    @Test func decoratorsAsyncDefsAndAnnotatedAssignmentsAreDeclarations() throws {
        let code = """
            @dataclass(frozen=True)
            class Point:
                x: int
                y: int
            async def fetch(url):
                return url
            origin: Point = Point(0, 0)
            width, height = 640, 480
            _private = None
            count: int
            """
        let declarations = PythonDeclarations.extract(from: code)
        try #require(declarations.map(\.lineOffset) == [0, 1, 4, 6, 7, 8])
        #expect(declarations[0].text == "@dataclass(frozen=True)", "the decorator is taken ...")
        #expect(declarations[1].lineOffset == declarations[0].lineOffset + 1, "... right above the class it decorates")
        #expect(declarations[2].text == "async def fetch(url):\n    return url")
        #expect(declarations[3].text == "origin: Point = Point(0, 0)")
        #expect(declarations[4].text == "width, height = 640, 480", "tuple assignment")
        #expect(!declarations.contains { $0.text == "count: int" }, "an annotation without a value assigns nothing")
    }

    @Test func comparisonsCallsAndAugmentedAssignmentsAreNotDeclarations() {
        let code = """
            total = 0
            total == 0
            total += 1
            print("a = b")
            assert total, "x = y"
            if total: print(total)
            """
        #expect(PythonDeclarations.extract(from: code).map(\.text) == ["total = 0"])
    }

    @Test func bracketsClosedAtColumnZeroContinueTheAssignment() {
        let code = """
            primes = [
                2, 3, 5,
            ]
            lookup = {
                "a": 1,
            }
            print(primes)
            """
        #expect(PythonDeclarations.extract(from: code).map(\.text) == [
            "primes = [\n    2, 3, 5,\n]",
            "lookup = {\n    \"a\": 1,\n}",
        ])
    }

    @Test func aStringOrBracketOpenAcrossLinesAtColumnZeroStaysInItsStatement() {
        let code = """
            # don't let a comment open ( anything
            PAREN = "(" + ')' + 'it\\'s'
            GREETING = \"\"\"
            Hello, {name}!
            count = 'not an assignment'
            \"\"\"
            ROWS = [
            ("ann", 3),
            ("bob", 4)]
            TOTAL = 1 + \\
            2
            def greet(name):
                return GREETING.format(name=name)
            print(greet("you"))
            """
        #expect(PythonDeclarations.extract(from: code).map(\.text) == [
            "PAREN = \"(\" + ')' + 'it\\'s'",
            "GREETING = \"\"\"\nHello, {name}!\ncount = 'not an assignment'\n\"\"\"",
            "ROWS = [\n(\"ann\", 3),\n(\"bob\", 4)]",
            "TOTAL = 1 + \\\n2",
            "def greet(name):\n    return GREETING.format(name=name)",
        ])
    }

    @Test func usesBringsThePythonDeclarationsAtTheirMarkdownLines() throws {
        let markdown = """
            ---
            title: Shapes
            ---

            ## Shapes

            ### Helper

            ```python id=helper
            import math
            print("not brought along")
            def area(radius):
                return math.pi * radius ** 2
            ```

            ### User

            ```python uses=helper
            print(round(area(1), 2))
            ```
            """
        let sheet = try sheet(markdown, path: "shapes.md")
        let named = Dictionary(uniqueKeysWithValues: sheet.snippets.compactMap { s in s.attributes.id.map { ($0, s) } })
        let program = try #require(LanguageRegistry.program(for: sheet.snippets[1], named: named)).get()
        #expect(program.text.contains("import math\ndef area(radius):\n    return math.pi * radius ** 2\n"))
        #expect(!program.text.contains("not brought along"))
        let lines = program.text.split(separator: "\n", omittingEmptySubsequences: false)
        let callIndex = try #require(lines.firstIndex { $0.hasPrefix("print(round") })
        #expect(program.lineMap[0] == (try lineNumber(of: "import math", in: markdown)))
        #expect(program.lineMap[1] == (try lineNumber(of: "def area", in: markdown)))
        #expect(program.lineMap[callIndex] == (try lineNumber(of: "print(round", in: markdown)))
    }
}
