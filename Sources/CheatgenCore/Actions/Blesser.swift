import CheatgenModel
import CheatgenVerification

/// Rewrites a sheet's `output` and `error` blocks to what its snippets actually did, touching
/// nothing else: every other byte — line endings, BOM, indentation, wildcards in outputs that
/// still match — stays as it was.
enum Blesser {
    /// One block to write: replace the content of the old block `replacing`, or insert a new
    /// block after the snippet's closing fence.
    struct Edit {
        var snippet: Snippet
        /// `output` or `error`: the block's info string.
        var language: String
        var text: String
        var replacing: Expectation?
        /// Instead of a block: lines of the snippet's own code to replace (a doctest's expected
        /// output), as Markdown lines (1-based, the end excluded).
        var codeLines: Range<Int>? = nil

        /// The line the edit starts at, for applying edits bottom-up.
        var line: Int { codeLines?.lowerBound ?? replacing?.location.line ?? snippet.endLine }
    }

    enum Decision {
        case unchanged
        case write([Edit])
        case refuse(String)
    }

    /// What bless should do for one snippet given its fresh verdict.
    static func decide(_ result: SnippetResult) -> Decision {
        let snippet = result.snippet
        // The book's tests keep their expectations in their comments: bless leaves them, and
        // the listings they verify, as written.
        if snippet.bookTestName != nil || snippet.verifiedByBookTest != nil { return .unchanged }
        // Expectations written in the code itself (a doctest's examples, a session's output
        // lines): the language said what to write there, or why not.
        switch result.outputInCode {
        case .cannotRewrite(let reason)?: return .refuse(reason)
        case .rewrite(let replacements)?:
            return replacements.isEmpty ? .unchanged : .write(replacements.map {
                Edit(snippet: snippet, language: "expected output", text: $0.text, replacing: nil, codeLines: $0.lines)
            })
        case nil: break
        }
        switch snippet.attributes.mode {
        case .ignore, .compileOnly:
            return .unchanged
        case .compileFail:
            if result.compilerErrors.isEmpty {
                return .refuse("it compiles, but it is marked compile-fail")
            }
            if let expected = snippet.expectedErrors {
                // `check` compares with everything the compiler said (notes too); if it passed, keep the block.
                if result.status == .passed { return .unchanged }
                let wanted = expected.lines.map { $0.trimmed(of: " \t") }.filter { !$0.isEmpty }
                let said = result.compilerErrors.joined(separator: "\n")
                if !wanted.isEmpty && wanted.allSatisfy(said.contains) { return .unchanged }
                return .write([Edit(snippet: snippet, language: "error", text: result.compilerErrors[0], replacing: expected)])
            }
            return .write([Edit(snippet: snippet, language: "error", text: result.compilerErrors[0], replacing: nil)])
        case .run, .shouldCrash:
            guard let ending = result.ending, let actual = result.actualOutput else {
                return .refuse(result.diagnostics.first.map { "it did not run: \($0.message)" } ?? "it did not run")
            }
            switch (snippet.attributes.mode, ending) {
            case (_, .timedOut): return .refuse("it timed out")
            case (_, .tooMuchOutput): return .refuse("it printed too much")
            case (_, .brokeConfinement(let why)): return .refuse(why)
            case (.run, .crashed(let signal)): return .refuse("it crashed (signal \(signal))")
            case (.run, .exited(let status)) where status != 0: return .refuse("it exited with status \(status)")
            case (.shouldCrash, .exited(0)): return .refuse("it was expected to crash but exited normally")
            default: break
            }
            let lines = OutputMatcher.normalizedLines(actual)
            if let expected = snippet.expectedOutput {
                if OutputMatcher.matches(expected: expected.text, actual: actual, unordered: snippet.attributes.unordered) { return .unchanged }
                if expected.isFromComments {
                    return .refuse("its output is written in its code as 'Prints' comments, which bless does not rewrite; correct them by hand")
                }
                return .write([Edit(snippet: snippet, language: "output", text: lines.joined(separator: "\n"), replacing: expected)])
            }
            if lines.isEmpty { return .unchanged }
            return .write([Edit(snippet: snippet, language: "output", text: lines.joined(separator: "\n"), replacing: nil)])
        }
    }

    /// Applies edits to the file's raw text. `lines` keep their own terminators.
    static func apply(_ edits: [Edit], to original: String) -> String {
        var lines = splitKeepingTerminators(original)
        // Swift sees "\r\n" as one Character, so look at scalars.
        let newline = lines.first { $0.unicodeScalars.suffix(2).elementsEqual("\r\n".unicodeScalars) } != nil ? "\r\n" : "\n"
        for edit in edits.sorted(by: { $0.line > $1.line }) {
            let indent = String((lines[safe: edit.snippet.location.line - 1] ?? "").prefix { $0 == " " || $0 == "\t" })
            let body = edit.text.isEmpty ? [] : edit.text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 + newline }
            if let range = edit.codeLines {
                lines.replaceSubrange(min(range.lowerBound - 1, lines.count)..<min(range.upperBound - 1, lines.count), with: body)
            } else if let block = edit.replacing {
                // The content lines lie between the opening fence and the closing one (0-based indices).
                let start = block.location.line
                let end = max(block.endLine - 1, start)
                // A line of the new text as long as the block's fence would close it early: lengthen both fences.
                if let fence = lines[safe: start - 1].flatMap(fenceRun), let closing = lines[safe: end].flatMap(fenceRun),
                   closing.mark == fence.mark, let longest = longestLeadingRun(of: fence.mark, in: edit.text), longest >= fence.length {
                    lines[start - 1] = refenced(lines[start - 1], to: longest + 1)
                    lines[end] = refenced(lines[end], to: longest + 1)
                }
                lines.replaceSubrange(min(start, lines.count)..<min(end, lines.count), with: body)
            } else {
                let fence = String(repeating: "`", count: max(3, longestBacktickRun(edit.text) + 1))
                var block = [newline, indent + fence + edit.language + newline] + body + [indent + fence + newline]
                let after = edit.snippet.endLine
                if after - 1 < lines.count, lines[after - 1].unicodeScalars.last != "\n" {
                    // The snippet's closing fence is the file's last line, without a newline.
                    lines[after - 1] += newline
                    block[block.count - 1] = indent + fence
                }
                lines.insert(contentsOf: block, at: min(after, lines.count))
            }
        }
        return lines.joined()
    }

    static func splitKeepingTerminators(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The run of backticks or tildes a fence line starts with, after its indentation.
    private static func fenceRun(_ line: String) -> (mark: Character, length: Int)? {
        let text = line.drop { $0 == " " || $0 == "\t" }
        guard let mark = text.first, mark == "`" || mark == "~" else { return nil }
        let length = text.prefix { $0 == mark }.count
        return length >= 3 ? (mark, length) : nil
    }

    /// The fence line with its run made `length` long; its indentation, info and ending kept.
    private static func refenced(_ line: String, to length: Int) -> String {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(indent.count)
        guard let mark = rest.first else { return line }
        return indent + String(repeating: mark, count: length) + rest.drop { $0 == mark }
    }

    /// The longest run of `mark` that starts a line of `text` (after spaces): what could close a fence.
    private static func longestLeadingRun(of mark: Character, in text: String) -> Int? {
        var longest: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 == mark }.count
            if run > 0 { longest = max(longest ?? 0, run) }
        }
        return longest
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
