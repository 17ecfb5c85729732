import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether what a snippet did is what its page says, and words the failure if not.
enum SnippetJudge {
    /// Judges a run of a `run` or `should-crash` snippet.
    static func judge(_ snippet: Snippet, outcome: ProcessOutcome, timeout: Double, outputLimit: Int,
                      memoryLimit: Int = 1 << 30, processLimit: Int = 512) -> [Diagnostic] {
        let at = snippet.location
        if outcome.timedOut {
            return [.error("snippet timed out after \(format(timeout)) s and was killed (raise it with timeout=<seconds>)", at: at, details: tail(outcome.errorText))]
        }
        if outcome.exceededOutputLimit {
            return [.error("snippet printed more than \(outputLimit >> 20) MiB and was stopped", at: at)]
        }
        if let changed = outcome.changedRepository.first {
            let more = outcome.changedRepository.count > 1 ? " (and \(outcome.changedRepository.count - 1) more)" : ""
            return [.error("snippet changed \(Self.relative(changed))\(more); snippets may write only in their own temporary folder", at: at)]
        }
        if outcome.exceededMemoryLimit {
            return [.error("snippet exceeded its memory limit of \(ByteSize.format(memoryLimit)) and was stopped (raise it with memory=<size>)", at: at, details: tail(outcome.errorText))]
        }
        if outcome.exceededProcessLimit, !outcome.succeeded, snippet.attributes.mode != .shouldCrash {
            return [.error("snippet exceeded its limit of \(processLimit) processes and threads", at: at, details: tail(outcome.errorText))]
        }
        var problems: [Diagnostic] = []
        switch (snippet.attributes.mode, outcome.ending) {
        case (.shouldCrash, .exited(0)):
            problems.append(.error("snippet was expected to crash (should-crash) but exited normally", at: at))
        case (.shouldCrash, _):
            break
        case (_, .exited(0)):
            break
        case (_, .exited(let status)):
            problems.append(.error("snippet exited with status \(status)", at: at, details: tail(outcome.errorText)))
        case (_, .signaled(let signal)):
            problems.append(.error("snippet crashed: \(crashDescription(signal: signal, stderr: outcome.errorText))", at: at, details: tail(outcome.errorText)))
        }
        if let expected = snippet.expectedOutput,
           !OutputMatcher.matches(expected: expected.text, actual: outcome.outputText, unordered: snippet.attributes.unordered) {
            let want = OutputMatcher.normalizedLines(expected.text)
            let got = OutputMatcher.normalizedLines(outcome.outputText)
            let diff = snippet.attributes.unordered
                ? UnifiedDiff.make(expected: want.sorted(), actual: got.sorted())
                : UnifiedDiff.make(expected: want, actual: got)
            let how = snippet.attributes.unordered ? " (compared unordered, lines sorted)" : ""
            problems.append(.error("snippet output does not match the 'output' block\(how)", at: expected.location, details: diff))
        }
        return problems
    }

    /// Judges the compiler's verdict on a `compile-fail` snippet.
    static func judgeRejection(_ snippet: Snippet, compilerOutput: String?) -> [Diagnostic] {
        guard let compilerOutput else {
            return [.error("snippet was expected not to compile (compile-fail) but it compiled", at: snippet.location)]
        }
        guard let expected = snippet.expectedErrors else { return [] }
        let missing = expected.lines.map { $0.trimmed(of: " \t") }.filter { !$0.isEmpty && !compilerOutput.contains($0) }
        guard !missing.isEmpty else { return [] }
        let errors = CompilerMessages.parse(compilerOutput).filter { $0.severity == .error }.map { "    \($0.message)" }
        return [.error("the compiler's messages do not contain: \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: expected.location,
                       details: ["  the compiler said:"] + errors)]
    }

    /// A path under the working directory as the user would write it.
    private static func relative(_ path: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// `SIGILL (Swift runtime trap): Fatal error: Index out of range`
    static func crashDescription(signal: Int32, stderr: String) -> String {
        let names: [Int32: String] = [
            SIGILL: "SIGILL (Swift runtime trap)", SIGTRAP: "SIGTRAP (Swift runtime trap)", SIGABRT: "SIGABRT (abort)",
            SIGSEGV: "SIGSEGV (segmentation fault)", SIGBUS: "SIGBUS (bus error)", SIGFPE: "SIGFPE (arithmetic error)",
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
        ]
        var text = "signal \(signal) " + (names[signal] ?? "")
        if let fatal = stderr.split(separator: "\n").first(where: { $0.contains("Fatal error") || $0.contains("fatal error") }) {
            text += ": " + fatal.trimmed()
        }
        return text.trimmed()
    }

    /// The last lines of stderr, indented, without the runtime's stack dump.
    private static func tail(_ stderr: String) -> [String] {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true)
        let cut = lines.firstIndex { $0.hasPrefix("Current stack trace") || $0.hasPrefix("Stack dump") } ?? lines.endIndex
        return lines[..<cut].suffix(8).map { "  stderr: \($0)" }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmed(of set: String = " \t\n") -> String {
        let scalars = Set(set.unicodeScalars)
        let trimmedStart = drop { $0.unicodeScalars.allSatisfy(scalars.contains) }
        return String(String(trimmedStart).reversed().drop { $0.unicodeScalars.allSatisfy(scalars.contains) }.reversed())
    }
}
