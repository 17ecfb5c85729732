/// GitHub Actions workflow commands, so failures appear on the Markdown lines of a pull request:
/// `::error file=content/x.md,line=12,col=5,title=cheatgen run.output-mismatch::message`.
package enum GitHubAnnotations {
    package static func lines(for diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity != .note }.map { diagnostic in
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(property(location.path))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(property("cheatgen \(diagnostic.id)"))")
            let body = ([diagnostic.message] + diagnostic.details + diagnostic.notes.map(\.formatted)).joined(separator: "\n")
            return "::\(diagnostic.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(data(body))"
        }
    }

    /// The escapes GitHub's runner decodes in a command's message.
    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values also escape the separators `:` and `,`.
    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
import CheatgenModel
