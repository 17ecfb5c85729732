import CheatgenModel
import CheatgenVerification

/// `bash` as a `ScriptInterpreter`, for `bash` and `sh` blocks that have an `output` block:
/// `bash -n` checks the syntax, and its messages (`/tmp/…/x.sh: line 3: …`) name the Markdown
/// file and line instead.
struct BashInterpreter: ScriptInterpreter {
    /// `bash`, as the shell languages (scripts and sessions) and doctor name it.
    static let tool = ToolRequirement(program: "bash", override: "CHEATGEN_BASH", install: "install bash", suggestion: "apt-get install bash")

    let executable: String
    /// `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)`
    let version: String
    var versionLabel: String { VersionLabel.label("Bash", version: version, components: 2) }

    var language: any Language { BashLanguage() }
    var fileExtension: String { "sh" }
    var environment: [String: String] { [:] }

    func checkArguments(file: String) -> [String] { ["-n", file] }
    func runArguments(file: String) -> [String] { [file] }

    func failure(in errorText: String, file: String, snippet: Snippet, lineMap: [Int]) -> ScriptFailure {
        let needle = "\(file): line "
        var first: SourceLocation?
        let rewritten = errorText.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: needle) else { return String(line) }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits), number >= 1, number <= lineMap.count else { return String(line) }
            if first == nil { first = SourceLocation(path: snippet.path, line: lineMap[number - 1]) }
            return line[..<range.lowerBound] + "\(snippet.path): line \(lineMap[number - 1])" + line[range.upperBound...].dropFirst(digits.count)
        }.joined(separator: "\n")
        let summary = rewritten.split(separator: "\n").last.map { String($0).trimmed() } ?? "an error"
        return ScriptFailure(rewritten: rewritten, location: first, summary: summary, verb: "failed:")
    }
}
