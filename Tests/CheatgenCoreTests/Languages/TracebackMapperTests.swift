import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenVerification
@testable import CheatgenLanguages

/// How Python's tracebacks are read back to the sheet: the script's frames name the Markdown
/// file and line, library frames stay as Python printed them, and the error lands at the
/// innermost frame of the snippet.
@Suite("Python tracebacks")
struct TracebackMapperTests {
    static let file = "/tmp/scratch/4/tally__parse.py"
    /// Script line n is Markdown line lineMap[n - 1]: lines 1…9 of the script are lines 30…38.
    static let mapper = TracebackMapper(file: file, markdownPath: "content/tally.md", lineMap: Array(30...38))

    /// The shape `python3` 3.11 prints for an uncaught exception raised in the standard library
    /// from a snippet's function called in a generator.
    static let traceback = """
        Traceback (most recent call last):
          File "\(file)", line 9, in <module>
            print(tally(['{"n": 1}', '{"n": ']))
                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "\(file)", line 7, in tally
            return sum(parse(t)["n"] for t in texts)
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "\(file)", line 4, in parse
            return json.loads(text)
                   ^^^^^^^^^^^^^^^^
          File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
            return _default_decoder.decode(s)
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode
            raise JSONDecodeError("Expecting value", s, err.value) from None
        json.decoder.JSONDecodeError: Expecting value: line 1 column 7 (char 6)
        """

    @Test func theSnippetsFramesNameTheMarkdownFileAndLine() {
        let rewritten = Self.mapper.rewrite(Self.traceback)
        let frames = rewritten.split(separator: "\n").filter { $0.contains("File \"") }.map { $0.trimmed() }
        #expect(frames == [
            "File \"content/tally.md\", line 38, in <module>",
            "File \"content/tally.md\", line 36, in tally",
            "File \"content/tally.md\", line 33, in parse",
            "File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads",
            "File \"/usr/lib/python3.11/json/decoder.py\", line 355, in raw_decode",
        ], "library frames are left as Python printed them")
        #expect(!rewritten.contains(Self.file), "the scratch file's name is never shown")
        #expect(rewritten.hasSuffix("JSONDecodeError: Expecting value: line 1 column 7 (char 6)"),
                "a 'line' in the message itself is not a frame")
        #expect(rewritten.split(separator: "\n").count == Self.traceback.split(separator: "\n").count, "nothing else changes")
    }

    @Test func theErrorLandsAtTheInnermostFrameInTheSnippet() {
        let rewritten = Self.mapper.rewrite(Self.traceback)
        #expect(Self.mapper.location(in: rewritten) == SourceLocation(path: "content/tally.md", line: 33),
                "the frames in json/ are outside the snippet and skipped")
        #expect(Self.mapper.lastLine(of: rewritten + "\n\n") == "json.decoder.JSONDecodeError: Expecting value: line 1 column 7 (char 6)")
    }

    @Test func aSyntaxErrorFromCompileIsReadAtItsLine() throws {
        let report = """
            Traceback (most recent call last):
              File "<string>", line 1, in <module>
              File "\(Self.file)", line 2
                def area(:
                         ^
            SyntaxError: invalid syntax
            """
        let snippet = try onlySnippet("```python\nx = 1\n```\n")
        let failure = PythonInterpreter(executable: "python3", version: "Python 3.11.7")
            .failure(in: report, file: Self.file, snippet: snippet, lineMap: [12, 13, 14])
        #expect(failure.rewritten.contains("File \"sheet.md\", line 13\n"))
        #expect(failure.rewritten.contains("File \"<string>\", line 1, in <module>"), "the compile() wrapper's frame stays as it was")
        #expect(failure.location == SourceLocation(path: "sheet.md", line: 13))
        #expect(failure.summary == "SyntaxError: invalid syntax")
        #expect(failure.verb == "raised")
    }

    @Test func framesOfOtherFilesAndLinesPastTheSnippetAreNotMapped() {
        let mapper = TracebackMapper(file: "/tmp/s/a.py", markdownPath: "a.md", lineMap: [5, 6])
        // Another script whose name begins like this one's, and a line the snippet does not have.
        let text = "  File \"/tmp/s/a.py.bak\", line 1, in f\n  File \"/tmp/s/a.py\", line 3, in g\nRuntimeError: x"
        let rewritten = mapper.rewrite(text)
        #expect(rewritten == text)
        #expect(mapper.location(in: rewritten) == nil, "no frame in the snippet: the caller falls back to the snippet's fence")
        #expect(mapper.lastLine(of: "") == "an error")
    }
}
