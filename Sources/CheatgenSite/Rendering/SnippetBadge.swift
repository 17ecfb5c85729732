import CheatgenModel
import CheatgenVerification
import CheatgenLanguages

/// What a snippet's badge says: exactly what was checked, never more. A snippet without an
/// `output` block "ran"; only one with it has its "output checked"; repeated runs, the thread
/// sanitizer and `max-time=` are named when the verdict rests on them.
struct SnippetBadge {
    var text: String
    var title: String
    /// The badge's colours when they are not the snippet's kind's: `known-failure`.
    var kind: String?

    /// The kinds of check, in the order the footer counts them.
    enum Check: CaseIterable {
        case outputChecked, ran, compiles, compileErrorChecked, trapsAsExpected

        init(_ snippet: Snippet) {
            switch snippet.attributes.mode {
            case .run, .ignore:
                let inCode = LanguageRegistry.language(snippet.language)?.writesOutputInCode == true
                self = snippet.expectedOutput == nil && !inCode ? .ran : .outputChecked
            case .compileOnly: self = .compiles
            case .compileFail: self = .compileErrorChecked
            case .shouldCrash: self = .trapsAsExpected
            }
        }

        var label: String {
            switch self {
            case .outputChecked: "output checked"
            case .ran: "ran"
            case .compiles: "compiles"
            case .compileErrorChecked: "compile error checked"
            case .trapsAsExpected: "traps as expected"
            }
        }

        /// `12 with their output checked` — for the footer and the index.
        func counted(_ count: Int) -> String {
            switch self {
            case .outputChecked: "\(count) with \(count == 1 ? "its" : "their") output checked"
            case .ran: "\(count) run to a normal exit"
            case .compiles: "\(count) compiled only"
            case .compileErrorChecked: "\(count) with \(count == 1 ? "its" : "their") compile error checked"
            case .trapsAsExpected: "\(count) trapping as expected"
            }
        }
    }

    init(snippet: Snippet, result: SnippetResult?, version: String) {
        let mode = snippet.attributes.mode
        guard mode != .ignore else {
            text = "not verified"
            title = "Shown only: this snippet is not compiled or run"
            return
        }
        if let result, result.status == .failed, let entry = result.knownFailure {
            let reason = entry.reason.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            text = "✗ known failure"
            title = "This snippet fails with \(version) (\(entry.id)), as the site's list of known failures says\(reason); what it shows is not verified."
            kind = "known-failure"
            return
        }
        guard let result, result.status == .passed else {
            text = "not verified"
            title = "This snippet was not verified in this build"
            return
        }
        let check = Check(snippet)
        let language = LanguageRegistry.language(snippet.language)
        let settings = language?.badgeSettings(of: snippet) ?? []
        let with = settings.isEmpty ? version : "\(version) (\(settings.joined(separator: "; ")))"
        let compiled = language?.isCompiled == true ? "Compiled with \(with) and run" : "Run with \(with)"
        var sentences: [String] = switch check {
        case .outputChecked: ["\(compiled); what it printed was checked against " + (snippet.expectedOutput?.isFromComments == true ? "the 'Prints' comments in its code" : "the output shown")]
        case .ran: ["\(compiled); it exited normally (there is no output block, so what it prints is not checked)"]
        case .compiles: ["Compiled with \(with); not run"]
        case .compileErrorChecked: ["\(with) rejects this code; the error shown was checked"]
        case .trapsAsExpected: ["\(compiled); it stops with a runtime error, as expected" + (snippet.expectedOutput == nil ? "" : ", after printing the output shown")]
        }
        var extras: [String] = []
        if result.checks.runs > 1 {
            extras.append("stable over \(result.checks.runs) runs")
            sentences.append("It ran \(result.checks.runs) times at once, every run alike")
        }
        for (mark, sentence) in language?.badgeChecks(result.checks) ?? [] {
            extras.append(mark)
            sentences.append(sentence)
        }
        if let limit = result.checks.maxTime {
            extras.append("under \(SnippetJudge.formatDuration(limit))")
            sentences.append("Every run finished within \(SnippetJudge.formatDuration(limit))")
        }
        text = (["✓ \(check.label)"] + extras).joined(separator: " · ")
        title = sentences.joined(separator: ". ") + "."
    }

    /// `120 with their output checked, 14 run to a normal exit, …` over the passed snippets, and
    /// the known failures.
    static func summary(_ report: VerificationReport) -> String {
        var counts: [Check: Int] = [:]
        for result in report.results where result.status == .passed && result.snippet.attributes.mode != .ignore {
            counts[Check(result.snippet), default: 0] += 1
        }
        var parts = Check.allCases.compactMap { check in counts[check].map { check.counted($0) } }
        // Known failures were verified too, and failed: the footer does not pass over them.
        if report.knownFailed > 0 { parts.append("\(report.knownFailed) failing, as the list of known failures says") }
        return parts.isEmpty ? "none yet" : parts.joined(separator: ", ")
    }
}
