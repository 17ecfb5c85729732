import Foundation
import CheatgenModel
import CheatgenVerification

/// `node` as a `ScriptInterpreter`: the snippet is a `.mjs` file (an ES module), `node --check`
/// finds a `SyntaxError` without running it, and an uncaught exception or unhandled rejection
/// ends the run with status 1. Node names the script as a path (`/tmp/…/x.mjs:3`) or a URL
/// (`file:///tmp/…/x.mjs:3:9`); both are rewritten to the Markdown file and line.
struct NodeInterpreter: ScriptInterpreter {
    let executable: String
    /// `Node 20.20.2`
    let version: String
    var versionLabel: String { VersionLabel.label("Node", version: version, components: 1) }

    var language: any Language { JavaScriptLanguage() }
    var fileExtension: String { "mjs" }
    /// Plain messages: no colours in what a failure report quotes.
    var environment: [String: String] { ["NO_COLOR": "1", "FORCE_COLOR": "0", "NODE_DISABLE_COLORS": "1"] }

    func checkArguments(file: String) -> [String] { ["--check", file] }
    func runArguments(file: String) -> [String] { [file] }

    func failure(in errorText: String, file: String, snippet: Snippet, lineMap: [Int]) -> ScriptFailure {
        let mapper = NodeStackMapper(file: file, markdownPath: snippet.path, lineMap: lineMap)
        let rewritten = mapper.rewrite(errorText)
        return ScriptFailure(rewritten: rewritten, location: mapper.location(in: errorText), summary: mapper.summary(of: errorText), verb: "threw")
    }

    /// Status 13 is Node's for a module whose top-level `await` never settled.
    func explanation(ofExitStatus status: Int32) -> String? {
        status == 13 ? "a top-level await never settled, and nothing was left that could settle it (an unref'd timer such as AbortSignal.timeout's does not keep Node running)" : nil
    }

    /// Finds `node` on PATH (or `$CHEATGEN_NODE`) and its version; nil when absent.
    /// `node`, as the JavaScript language and doctor name it.
    static let tool = ToolRequirement(program: "node", override: "CHEATGEN_NODE", install: "install Node.js 18 or later, e.g. Debian's nodejs",
                                      suggestion: "apt-get install nodejs")

    static func locate(cacheDirectory: String? = nil) async -> NodeInterpreter? {
        guard let executable = tool.locate(),
              let version = await ToolVersion.version(of: executable, linePrefix: "v", cacheDirectory: cacheDirectory) else { return nil }
        let number = version.trimmed().drop { $0 == "v" }
        return NodeInterpreter(executable: executable, version: "Node \(number)")
    }
}
