import CheatgenModel
import CheatgenVerification

/// JUnit XML, the format CI systems read test results from: one `<testsuite>` per sheet, one
/// `<testcase>` per snippet named `sheet/card`, failures carrying the full diagnostics, each with
/// its identifier, and the first error's identifier as the failure's `type`.
package enum JUnitReport {
    package static func xml(_ report: VerificationReport, contentErrors: [Diagnostic] = []) -> String {
        var bySheet: [String: [SnippetResult]] = [:]
        for result in report.results { bySheet[result.snippet.path, default: []].append(result) }
        let failures = report.failed + (contentErrors.isEmpty ? 0 : 1)
        let time = report.results.reduce(0) { $0 + ($1.cached ? 0 : $1.duration) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"cheatgen\" tests=\"\(report.results.count + (contentErrors.isEmpty ? 0 : 1))\" failures=\"\(failures)\" skipped=\"\(report.skipped + report.knownFailed)\" time=\"\(format(time))\">\n"
        for path in bySheet.keys.sorted() {
            let results = bySheet[path]!
            let failed = results.count { $0.status == .failed && $0.knownFailure == nil }
            let skipped = results.count { $0.status == .skipped || $0.knownFailure != nil }
            xml += "  <testsuite name=\"\(attr(path))\" tests=\"\(results.count)\" failures=\"\(failed)\" skipped=\"\(skipped)\" time=\"\(format(results.reduce(0) { $0 + $1.duration }))\">\n"
            for result in results {
                let snippet = result.snippet
                xml += "    <testcase classname=\"\(attr(snippet.sheetID))\" name=\"\(attr(snippet.name))\" file=\"\(attr(snippet.path))\" line=\"\(snippet.location.line)\" time=\"\(format(result.duration))\""
                switch result.status {
                case .passed:
                    xml += "/>\n"
                case .skipped:
                    xml += ">\n      <skipped message=\"ignore: shown, not verified\"/>\n    </testcase>\n"
                case .failed where result.knownFailure != nil:
                    // As a test framework reports an expected failure: skipped, with why.
                    let message = result.diagnostics.first?.message ?? "known failure"
                    xml += ">\n      <skipped message=\"\(attr(message))\"/>\n    </testcase>\n"
                case .failed:
                    let first = result.diagnostics.first { $0.severity == .error } ?? result.diagnostics.first
                    let body = result.diagnostics.map { $0.formatted(showingID: true) }.joined(separator: "\n")
                    xml += ">\n      <failure message=\"\(attr(first?.message ?? "failed"))\" type=\"\(attr(first?.id.rawValue ?? "failed"))\">\(text(body))</failure>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        if !contentErrors.isEmpty {
            let text = contentErrors.map { $0.formatted(showingID: true) }.joined(separator: "\n")
            xml += "  <testsuite name=\"content\" tests=\"1\" failures=\"1\">\n"
            xml += "    <testcase classname=\"content\" name=\"content is valid\">\n      <failure message=\"\(attr("\(contentErrors.count) content error\(contentErrors.count == 1 ? "" : "s")"))\">\(self.text(text))</failure>\n    </testcase>\n  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// XML allows no control characters but tab, newline and carriage return, escaped or not.
    private static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }

    private static func attr(_ text: String) -> String {
        HTML.escape(clean(text)).replacingOccurrences(of: "\n", with: "&#10;")
    }

    private static func text(_ text: String) -> String { HTML.escape(clean(text)) }
}

import Foundation
