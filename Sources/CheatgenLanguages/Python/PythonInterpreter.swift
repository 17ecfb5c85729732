import Foundation
import CheatgenModel
import CheatgenVerification

/// `python3` as a `ScriptInterpreter`: a `SyntaxError` is found by `compile()` without running,
/// an uncaught exception ends the run, and tracebacks name the Markdown file and line.
struct PythonInterpreter: ScriptInterpreter {
    let executable: String
    /// `Python 3.11.7`
    let version: String
    var versionLabel: String { VersionLabel.label("Python", version: version, components: 2) }

    var language: any Language { PythonLanguage() }
    var fileExtension: String { "py" }
    var environment: [String: String] {
        ["PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"]
    }

    func checkArguments(file: String) -> [String] {
        ["-c", "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')", file]
    }

    func runArguments(file: String) -> [String] {
        ["-X", "utf8", file]
    }

    func failure(in errorText: String, file: String, snippet: Snippet, lineMap: [Int]) -> ScriptFailure {
        let mapper = TracebackMapper(file: file, markdownPath: snippet.path, lineMap: lineMap)
        let rewritten = mapper.rewrite(errorText)
        return ScriptFailure(rewritten: rewritten, location: mapper.location(in: rewritten), summary: mapper.lastLine(of: rewritten), verb: "raised")
    }

    /// Finds `python3` on PATH (or `$CHEATGEN_PYTHON`) and its version; nil when absent.
    /// `python3`, as the languages that run it (Python, doctests) and doctor name it.
    static let tool = ToolRequirement(program: "python3", override: "CHEATGEN_PYTHON", install: "install Python 3", suggestion: "apt-get install python3")

    static func locate(cacheDirectory: String? = nil) async -> PythonInterpreter? {
        guard let executable = tool.locate(),
              let version = await ToolVersion.version(of: executable, linePrefix: "Python", cacheDirectory: cacheDirectory) else { return nil }
        return PythonInterpreter(executable: executable, version: version.trimmed())
    }
}
