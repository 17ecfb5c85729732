import Foundation
import CheatgenModel
import CheatgenVerification

/// What `DoctestDriver` said about one block: the failing examples, or why `doctest` could not
/// read the block. Read from the last marked line of the run's standard output.
struct DoctestReport: Decodable {
    /// One failing example, as the driver's runner saw it.
    struct Failure: Decodable {
        /// The prompt's line in the block (0-based) and its indentation.
        var line: Int
        var indent: Int
        /// The example's code without prompts, and what was written under it.
        var source: String
        var want: String
        /// What it printed (for an example that raised: the traceback as doctest writes one).
        var got: String
        /// What, written under the example, would match `got`.
        var written: String
        /// `ValueError: boom` when the example raised.
        var raised: String?
        /// The whole traceback of an exception nothing expected.
        var traceback: String?
        var unexpected: Bool
    }

    /// A block `doctest` cannot parse: where and why (`lacks blank after >>>: '>>>x'`).
    struct Malformed: Decodable {
        var line: Int
        var message: String
    }

    /// Each example's first line in the block, in order.
    var examples: [Int]?
    var failures: [Failure]?
    var malformed: Malformed?

    /// The report on the marked line of `output`, and `output` without that line (what the
    /// examples wrote to the real standard output, past doctest).
    static func read(_ output: String) -> (report: DoctestReport?, rest: String) {
        guard let range = output.range(of: "\n" + DoctestDriver.marker, options: .backwards)
                ?? (output.hasPrefix(DoctestDriver.marker) ? output.startIndex..<output.index(output.startIndex, offsetBy: DoctestDriver.marker.count) : nil)
        else { return (nil, output) }
        let json = output[range.upperBound...].prefix { $0 != "\n" }
        let report = try? JSONDecoder().decode(DoctestReport.self, from: Data(json.utf8))
        let before = output[..<range.lowerBound]
        return (report, before.isEmpty ? "" : before + "\n")
    }

    /// Each failing example as an error at its prompt's line, with what was expected and what
    /// came instead.
    func diagnostics(_ block: DoctestBlock, setupFile: String) -> [Diagnostic] {
        if let malformed {
            return [.error(.malformedBlock, "doctest cannot read this example: it \(malformed.message)", at: block.location(ofLine: malformed.line))]
        }
        return (failures ?? []).map { failure in
            let at = block.location(ofLine: failure.line, indent: failure.indent)
            let example = Self.prompted(failure.source)
            if failure.unexpected {
                let shown = block.rewrite(traceback: failure.traceback ?? failure.got, examples: examples ?? [], setupFile: setupFile)
                let expected = failure.want.isEmpty ? [] : ["expected:"] + Self.indented(failure.want)
                return .error(.uncaughtError, "doctest example raised \(failure.raised ?? "an exception")", at: at,
                              details: (example + Self.indented(shown, by: "") + expected).map { "  " + $0 })
            }
            let message = failure.raised.map { "doctest example raised \($0), not the exception written under it" }
                ?? "doctest example's output does not match the lines under it"
            let expected = failure.want.isEmpty ? ["expected nothing"] : ["expected:"] + Self.indented(failure.want)
            let got = failure.got.isEmpty ? ["got nothing"] : ["got:"] + Self.indented(failure.got)
            return .error(.outputMismatch, message, at: at, details: (example + expected + got).map { "  " + $0 })
        }
    }

    /// What `bless` writes: each failing example's expected lines replaced by what matches.
    func replacements(_ block: DoctestBlock) -> OutputInCode {
        if let malformed { return .cannotRewrite("doctest cannot read its example at line \(block.markdownLine(malformed.line)): it \(malformed.message)") }
        return .rewrite((failures ?? []).map { failure in
            let start = block.markdownLine(failure.line + Self.lineCount(failure.source))
            let indent = String(repeating: " ", count: failure.indent)
            let text = failure.written.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { indent + $0 }
            return LineReplacement(lines: start..<start + Self.lineCount(failure.want), text: text.joined(separator: "\n"))
        })
    }

    private static func lineCount(_ text: String) -> Int {
        text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// `>>> first` and `... more` lines, as the example was written.
    private static func prompted(_ source: String) -> [String] {
        source.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated().map { index, line in
            (index == 0 ? ">>> " : "... ") + line
        }
    }

    private static func indented(_ text: String, by prefix: String = "    ") -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
        if lines.last == prefix { lines.removeLast() }
        return lines
    }
}
