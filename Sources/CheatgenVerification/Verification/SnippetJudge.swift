import Foundation
import CheatgenModel

/// Decides whether what a snippet did is what its page says, and words the failure if not.
package enum SnippetJudge {
    /// What a run is checked for besides its ending and its output.
    package struct RunChecks {
        var timeout: Double
        var outputLimit: Int
        /// `max-time=`, when it applies to this run (not under a sanitizer, which slows it).
        var maxTime: Double? = nil
        /// It ran under ThreadSanitizer: a race report fails it.
        var threadSanitizer = false
        /// Bytes of memory, and processes and threads, the run was allowed.
        var memoryLimit = 1 << 30
        var processLimit = 512
        /// Reads the runtime's reports (traps, races) on standard error.
        var errors: any ErrorReader = PlainErrorReader()

        package init(timeout: Double, outputLimit: Int, maxTime: Double? = nil, threadSanitizer: Bool = false, memoryLimit: Int = 1 << 30,
                     processLimit: Int = 512, errors: any ErrorReader = PlainErrorReader()) {
            self.timeout = timeout
            self.outputLimit = outputLimit
            self.maxTime = maxTime
            self.threadSanitizer = threadSanitizer
            self.memoryLimit = memoryLimit
            self.processLimit = processLimit
            self.errors = errors
        }
    }

    /// Judges a run of a `run` or `should-crash` snippet.
    package static func judge(_ snippet: Snippet, outcome: ProcessOutcome, checks: RunChecks) -> [Diagnostic] {
        let at = snippet.location
        let stderr = checks.errors.withoutBacktrace(outcome.errorText)
        if outcome.timedOut {
            return [.error(.timedOut, "snippet timed out after \(format(checks.timeout)) s and was killed (raise it with timeout=<seconds>)", at: at, details: tail(stderr))]
        }
        if outcome.exceededOutputLimit {
            return [.error(.overLimit, "snippet printed more than \(checks.outputLimit >> 20) MiB and was stopped", at: at)]
        }
        if let changed = outcome.changedRepository.first {
            let more = outcome.changedRepository.count > 1 ? " (and \(outcome.changedRepository.count - 1) more)" : ""
            return [.error(.changedRepository, "snippet changed \(Self.relative(changed))\(more); snippets may write only in their own temporary folder", at: at)]
        }
        if outcome.exceededMemoryLimit {
            return [.error(.overLimit, "snippet exceeded its memory limit of \(ByteSize.format(checks.memoryLimit)) and was stopped (raise it with memory=<size>)", at: at, details: tail(outcome.errorText))]
        }
        if outcome.exceededProcessLimit, !outcome.succeeded, snippet.attributes.mode != .shouldCrash {
            return [.error(.overLimit, "snippet exceeded its limit of \(checks.processLimit) processes and threads", at: at, details: tail(outcome.errorText))]
        }
        var problems: [Diagnostic] = []
        let race = checks.threadSanitizer ? checks.errors.race(in: outcome.errorText, snippet: snippet) : nil
        if let race { problems.append(race) }
        switch (snippet.attributes.mode, outcome.ending) {
        case (.shouldCrash, .exited(0)):
            problems.append(.error(.expectedCrash, "snippet was expected to crash (should-crash) but exited normally", at: at))
        case (.shouldCrash, _):
            break
        case (_, .exited(0)):
            break
        case (_, .exited(66)) where race != nil:
            break  // ThreadSanitizer's own status after a report
        case (_, .exited(let status)):
            problems.append(.error(.exitStatus, "snippet exited with status \(status)", at: at, details: tail(stderr)))
        case (_, .signaled(let signal)):
            // At the line that trapped, with the snippet lines that called it as notes.
            let (description, frames) = checks.errors.crash(signal: signal, stderr: outcome.errorText, path: snippet.path)
            var crash = Diagnostic(.error, .crashed, at: frames.first ?? at, "snippet crashed: \(description)",
                                   details: tail(stderr).filter { !$0.contains("Fatal error") })
            for caller in frames.dropFirst().prefix(4) where caller != frames.first {
                crash.notes.append(Diagnostic(.note, .note, at: caller, "called from here"))
            }
            problems.append(crash)
        }
        if let expected = snippet.expectedOutput,
           !OutputMatcher.matches(expected: expected.text, actual: outcome.outputText, unordered: snippet.attributes.unordered) {
            problems.append(mismatch(expected, actual: outcome.outputText, unordered: snippet.attributes.unordered))
        }
        if let limit = checks.maxTime {
            let seconds = Double(outcome.duration.components.seconds) + Double(outcome.duration.components.attoseconds) / 1e18
            if seconds > limit {
                problems.append(.error(.overMaxTime, "snippet ran for \(formatDuration(seconds)), over its max-time of \(formatDuration(limit))", at: at))
            }
        }
        return problems
    }

    /// Wrong output, at the first line of the `output` block that differs, with a diff of the
    /// real differences (lines a `...` stands for are not among them).
    static func mismatch(_ expected: Expectation, actual: String, unordered: Bool) -> Diagnostic {
        let want = OutputMatcher.normalizedLines(expected.text)
        var got = OutputMatcher.normalizedLines(actual)
        let difference: OutputDifference
        let diff: [String]
        if unordered {
            difference = OutputDifference.unordered(expected: want, actual: got)
            if want.contains(OutputMatcher.wildcard) {
                // Lines a wildcard allows are not differences.
                var counts: [String: Int] = [:]
                for line in difference.expanded { counts[line, default: 0] += 1 }
                got = got.filter { line in
                    guard let count = counts[line], count > 0 else { return false }
                    counts[line] = count - 1
                    return true
                }
            }
            diff = UnifiedDiff.make(expected: difference.expanded.sorted(), actual: got.sorted())
        } else {
            difference = OutputDifference.inOrder(expected: want, actual: got)
            diff = UnifiedDiff.make(expected: difference.expanded, actual: got)
        }
        // The block's lines follow its fence; past the last, the closing fence. `Prints`
        // comments each have their own line; past the last, the last one.
        let line: Int
        if let sourceLines = expected.sourceLines, let last = sourceLines.last {
            line = difference.firstDifference < sourceLines.count ? sourceLines[difference.firstDifference] : last
        } else {
            line = expected.location.line + 1 + min(difference.firstDifference, max(want.count, 0))
        }
        let how = unordered ? " (compared unordered, lines sorted)" : ""
        let what = expected.isFromComments ? "its 'Prints' comments" : "the 'output' block"
        return .error(.outputMismatch, "snippet output does not match \(what)\(how)",
                      at: SourceLocation(path: expected.location.path, line: line, column: 1), details: diff)
    }

    /// Judges the compiler's verdict on a `compile-fail` snippet.
    package static func judgeRejection(_ snippet: Snippet, compilerOutput: String?, errors reader: any ErrorReader = PlainErrorReader()) -> [Diagnostic] {
        guard let compilerOutput else {
            return [.error(.unexpectedlyCompiled, "snippet was expected not to compile (compile-fail) but it compiled", at: snippet.location)]
        }
        guard let expected = snippet.expectedErrors else { return [] }
        let missing = expected.lines.map { $0.trimmed(of: " \t") }.filter { !$0.isEmpty && !compilerOutput.contains($0) }
        guard !missing.isEmpty else { return [] }
        let errors = reader.errorMessages(in: compilerOutput).map { "    \($0)" }
        return [.error(.missingExpectedError, "the compiler's messages do not contain: \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: expected.location,
                       details: ["  the compiler said:"] + errors)]
    }

    /// A path under the working directory as the user would write it.
    private static func relative(_ path: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// The last lines of stderr, indented, without the runtime's stack dump.
    private static func tail(_ stderr: String) -> [String] {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true)
        let cut = lines.firstIndex { $0.hasPrefix("Current stack trace") || $0.hasPrefix("Stack dump") } ?? lines.endIndex
        return lines[..<cut].suffix(8).map { "  stderr: \($0)" }
    }

    /// `150 ms`, `1.52 s`
    package static func formatDuration(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        if milliseconds < 1000 { return "\(milliseconds) ms" }  // 0.9996 s is "1 s", not "1000 ms"
        let hundredths = Int((seconds * 100).rounded())
        if hundredths % 100 == 0 { return "\(hundredths / 100) s" }
        return hundredths % 10 == 0 ? "\(hundredths / 100).\(hundredths % 100 / 10) s" : "\(hundredths / 100).\(String(format: "%02d", hundredths % 100)) s"
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

extension SnippetJudge.RunChecks {
    /// The checks of a run under `limits`; under ThreadSanitizer, which slows every run,
    /// `max-time=` is not checked.
    package init(_ limits: RunLimits, threadSanitizer: Bool = false, errors: any ErrorReader = PlainErrorReader()) {
        self.init(timeout: limits.timeout, outputLimit: limits.output, maxTime: threadSanitizer ? nil : limits.maxTime,
                  threadSanitizer: threadSanitizer, memoryLimit: limits.memory, processLimit: limits.processes, errors: errors)
    }
}
