/// One of the Swift book's own tests as cheatgen carries it from the page to the Swift
/// verifier: every line of every `swifttest` block on the page that names the test, in order,
/// each with its marker (`->`, `>>`, `<-`, `<<`, `/>`, `</`, `xx`, `!$`, `!!`, `//`) and its
/// Markdown line. A test travels as a snippet whose code is this script, encoded one line per
/// line (`LINE MARKER TEXT`), so the verdict cache keys on it like on any program.
package struct BookTestScript: Hashable, Sendable {
    package enum Marker: String, Hashable, Sendable, CaseIterable {
        /// `->`: code the book shows (and the lines indented under it).
        case shown = "->"
        /// `>>`: code the book does not show.
        case hidden = ">>"
        /// `<-`: expected output the book shows.
        case output = "<-"
        /// `<<`: expected output the book does not show.
        case hiddenOutput = "<<"
        /// `/>`: a comment the book shows, with `\(…)` interpolations; evaluated and printed.
        case evaluatedComment = "/>"
        /// `</`: an expected output line the book shows as a comment.
        case commentOutput = "</"
        /// `xx`: the code before it must trap.
        case trap = "xx"
        /// `!$`: an expected diagnostic, `error: message`.
        case diagnostic = "!$"
        /// `!!`: the source line or the caret line under a diagnostic.
        case diagnosticSource = "!!"
        /// `//`: a comment of the test's own.
        case comment = "//"
    }

    package struct Line: Hashable, Sendable {
        /// The Markdown line it was written on.
        package var line: Int
        package var marker: Marker
        /// What follows the marker and its space (for code continued on indented lines, the
        /// line without the block's indentation).
        package var text: String

        package init(line: Int, marker: Marker, text: String) {
            self.line = line
            self.marker = marker
            self.text = text
        }
    }

    /// The test's name, as its `- test:` line gives it.
    package var name: String
    package var lines: [Line]

    package init(name: String, lines: [Line]) {
        self.name = name
        self.lines = lines
    }

    /// The attribute a test's snippet carries: `book-test=NAME`.
    package static let testOption = "book-test"
    /// The attribute of a listing that a test right under it verifies: `verified-by=NAME`.
    package static let verifiedByOption = "verified-by"
    /// The `id=` of a test's snippet, so a listing it verifies can find it.
    package static func snippetID(forTest name: String) -> String { "swifttest:\(name)" }

    /// One line per line: `LINE MARKER TEXT`.
    package var encoded: String {
        lines.map { "\($0.line) \($0.marker.rawValue) \($0.text)\n" }.joined()
    }

    /// Reads `encoded` back; nil for anything else.
    package init?(name: String, encoded: String) {
        var lines: [Line] = []
        for row in encoded.split(separator: "\n", omittingEmptySubsequences: false) where !row.isEmpty {
            let parts = row.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, let number = Int(parts[0]), let marker = Marker(rawValue: String(parts[1])) else { return nil }
            lines.append(Line(line: number, marker: marker, text: parts.count == 3 ? String(parts[2]) : ""))
        }
        self.init(name: name, lines: lines)
    }
}

extension Snippet {
    /// The name of the book's test this snippet is (`book-test=`), if it is one.
    package var bookTestName: String? {
        self.attributes.languageOptions.first { $0.key == BookTestScript.testOption }?.value
    }

    /// The name of the book's test that verifies this listing in its place (`verified-by=`).
    package var verifiedByBookTest: String? {
        self.attributes.languageOptions.first { $0.key == BookTestScript.verifiedByOption }?.value
    }

    /// Which test of a run this snippet is, or the one that verifies this listing: a test is
    /// known by its page and its name (the same name on two pages is two tests).
    package var bookTestKey: String? {
        (bookTestName ?? verifiedByBookTest).map { "\(self.sheetID)\u{0}\($0)" }
    }

    /// The test's script, for a snippet that is one of the book's tests.
    package var bookTestScript: BookTestScript? {
        bookTestName.flatMap { BookTestScript(name: $0, encoded: self.code) }
    }
}
