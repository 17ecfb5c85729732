import CheatgenModel
import CheatgenVerification

/// What one of the Swift book's tests compiles and expects, read from its script: the code
/// (shown `->` and hidden `>>` lines, and each `/>` comment as a `print` of its interpolated
/// text), every line under a `#sourceLocation` of its Markdown line, so compiler errors and
/// traps name the page; the output it must print (`<-`, `<<`, `</` lines, in order); the trap
/// it must hit (`xx`); the diagnostics it must draw (`!$`, with the `!!` excerpt under each).
struct BookTestProgram {
    struct OutputLine: Hashable {
        var text: String
        var line: Int
    }

    /// An expected diagnostic: `error: message`, and where the book puts its caret.
    struct ExpectedDiagnostic: Hashable {
        var severity: Diagnostic.Severity
        var message: String
        /// The `!$` line.
        var line: Int
        /// The `!!` source line the book shows, and the caret's offset in it (when it has one).
        var source: String?
        var caret: Caret?
    }

    /// Where a `!!` caret line points: its offset in the source line above it, how many
    /// characters its `^~~` covers, and whether the line starts at its first mark (then its
    /// leading spaces may have been trimmed, and the offset is only a lower bound).
    struct Caret: Hashable {
        var offset: Int
        var span: Int
        var lineWasTrimmed: Bool

        init?(_ text: String) {
            guard let caret = text.firstIndex(of: "^") else { return nil }
            offset = text.distance(from: text.startIndex, to: caret)
            span = text[caret...].prefix { $0 == "^" || $0 == "~" }.count
            lineWasTrimmed = text.first.map { $0 != " " } ?? true
        }
    }

    var name: String
    var source: String
    var output: [OutputLine] = []
    /// The `xx` line: the code before it must trap there or earlier.
    var trap: (line: Int, kind: String)?
    var diagnostics: [ExpectedDiagnostic] = []
    /// The modules this test imports (`import X_Module1`); those a test of the page is named
    /// after are built from that test.
    var importedModules: [String] = []
    /// Why Linux cannot run it (Objective-C interop, Apple's frameworks), or nil.
    var skipReason: String?

    /// A compile-fail check: it expects at least one error.
    var expectsErrors: Bool { diagnostics.contains { $0.severity == .error } }

    init(_ script: BookTestScript, path: String) {
        name = script.name
        let file = Self.literal(path)
        var text = ""
        var nextLine: Int?
        var code: [String] = []
        func emit(_ line: String, at number: Int) {
            if nextLine != number { text += "#sourceLocation(file: \(file), line: \(number))\n" }
            text += line + "\n"
            nextLine = number + 1
        }
        for line in script.lines {
            switch line.marker {
            case .shown, .hidden:
                // Darwin's C library is Glibc here (`import Darwin; sleep(1)` means the same).
                emit(line.text.replacing(#/^(\s*)import Darwin\b/#) { "\($0.1)import Glibc" }, at: line.line)
                code.append(line.text)
            case .evaluatedComment:
                emit("print(\"\(line.text)\")", at: line.line)
            case .output, .hiddenOutput, .commentOutput:
                output.append(OutputLine(text: line.text, line: line.line))
            case .trap:
                if trap == nil { trap = (line.line, line.text) }
            case .diagnostic:
                if let expected = Self.diagnostic(line) { diagnostics.append(expected) }
            case .diagnosticSource:
                // The older form: the compiler's whole line, `/tmp/x.swift:5:4: warning: …`.
                if let expected = Self.compilerLine(line) {
                    diagnostics.append(expected)
                    continue
                }
                guard !diagnostics.isEmpty else { continue }
                let last = diagnostics.count - 1
                if diagnostics[last].source == nil {
                    diagnostics[last].source = line.text
                } else if diagnostics[last].caret == nil, let caret = Caret(line.text) {
                    diagnostics[last].caret = caret
                }
            case .comment:
                continue
            }
        }
        text += "#sourceLocation()\n"
        source = text
        importedModules = code.compactMap(Self.importedModule)
        skipReason = LinuxLacks.reason(code)
    }

    /// `error: cannot find 'x' in scope` → the severity and the message.
    private static func diagnostic(_ line: BookTestScript.Line) -> ExpectedDiagnostic? {
        for severity in [Diagnostic.Severity.error, .warning, .note] where line.text.hasPrefix("\(severity.rawValue): ") {
            return ExpectedDiagnostic(severity: severity, message: String(line.text.dropFirst(severity.rawValue.count + 2)), line: line.line)
        }
        return nil
    }

    /// `/tmp/swifttest.swift:19:6: error: message` (the file and place are the old harness's own).
    private static func compilerLine(_ line: BookTestScript.Line) -> ExpectedDiagnostic? {
        guard let match = line.text.firstMatch(of: #/^\S+:\d+:\d+: (error|warning|note): (.*)$/#),
              let severity = Diagnostic.Severity(rawValue: String(match.1)) else { return nil }
        return ExpectedDiagnostic(severity: severity, message: String(match.2), line: line.line)
    }

    /// `import tupleTypes_Module1` → `tupleTypes_Module1`: a module, perhaps one the book
    /// builds from a test of the page.
    private static func importedModule(_ line: String) -> String? {
        let words = line.split(separator: " ")
        guard words.count == 2, words[0] == "import" else { return nil }
        return String(words[1])
    }

    private static func literal(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What the book's code needs that Swift on Linux does not have.
enum LinuxLacks {
    private static let rules: [(pattern: String, reason: String)] = [
        (#"@objc|@IBOutlet|@IBAction|@NSManaged|@GKInspectable|#selector|#keyPath\(|\bNSObject\b|\bdynamic\s+(var|func)"#,
         "it needs Objective-C interoperability (@objc, NSObject, selectors), which Swift on Linux does not have"),
        (#"\.bytes\.lines|\.resourceBytes|URLSession\.shared\.bytes"#,
         "it reads a file or URL as an asynchronous byte sequence (FileHandle.bytes, URL.resourceBytes), which Foundation on Linux does not have"),
        (#"^\s*import\s+(UIKit|AppKit|Cocoa|SwiftUI|ObjectiveC|CoreGraphics|GameKit)\b"#,
         "it imports an Apple framework that Linux does not have"),
    ]

    /// The first reason the code cannot run on Linux, or nil.
    static func reason(_ code: [String]) -> String? {
        for rule in rules where code.contains(where: { $0.range(of: rule.pattern, options: .regularExpression) != nil }) {
            return rule.reason
        }
        return nil
    }
}
