import Foundation
import CheatgenModel

/// The known-failures file (`known-failures:` in cheatgen.yml, `--known-failures`): snippets
/// that fail and may, for now, each with the diagnostic it fails with. One entry a line:
///
///     # why the book's listings may fail (kept when cheatgen rewrites the list)
///     LanguageGuide/TheBasics.md:214 3f9a1c2e run.output-mismatch  # the book's own slip
///
/// `PAGE[:LINE] FINGERPRINT DIAGNOSTIC [# reason]`: the page's path relative to the content
/// folder, the snippet's `SnippetFingerprint` and a `DiagnosticID`. The line number is for the
/// reader only (the snippet is found by page and fingerprint, so lines added above it change
/// nothing). `#` starts a comment: a whole line, or the reason after an entry. A page's path
/// may hold spaces; the last two words before the comment are the fingerprint and the id.
package struct KnownFailureList: Sendable, Hashable {
    package struct Entry: Sendable, Hashable {
        /// The page, relative to the content folder it was found in.
        package var page: String
        /// The snippet's line when the entry was written: for the reader, never matched.
        package var line: Int?
        package var fingerprint: String
        package var id: DiagnosticID
        /// The comment after the entry, without its `#`.
        package var reason: String?
        /// Where the entry is written in the list (nil for one not read from a file).
        package var location: SourceLocation?

        package init(page: String, line: Int?, fingerprint: String, id: DiagnosticID, reason: String? = nil, location: SourceLocation? = nil) {
            self.page = page
            self.line = line
            self.fingerprint = fingerprint
            self.id = id
            self.reason = reason
            self.location = location
        }

        /// What finds its snippet: the page and the fingerprint.
        package var key: Key { Key(page: page, fingerprint: fingerprint) }

        /// The entry as a line of the list.
        package var text: String {
            let place = line.map { "\(page):\($0)" } ?? page
            let comment = reason.map { $0.isEmpty ? "" : "  # \($0)" } ?? ""
            return "\(place) \(fingerprint) \(id)\(comment)"
        }
    }

    /// A snippet as the list names it.
    package struct Key: Hashable, Sendable, Comparable {
        package var page: String
        package var fingerprint: String

        package init(page: String, fingerprint: String) {
            self.page = page
            self.fingerprint = fingerprint
        }

        package static func < (a: Key, b: Key) -> Bool { (a.page, a.fingerprint) < (b.page, b.fingerprint) }
    }

    /// The file it was read from ("" for a list made in memory).
    package var path: String
    package var entries: [Entry]
    /// The comment lines at the top of the file, before the first entry: kept on a rewrite.
    package var header: [String]

    package init(path: String = "", entries: [Entry] = [], header: [String] = []) {
        self.path = path
        self.entries = entries
        self.header = header
    }

    /// The header a new list starts with.
    package static let defaultHeader = [
        "# Known failures (cheatgen's README, \"Known failures\"): snippets that may fail, each with",
        "# the diagnostic it fails with. PAGE:LINE FINGERPRINT DIAGNOSTIC  # reason",
        "# The line is for reading only; a snippet is found by its page and fingerprint.",
    ]

    /// Reads the list at `path`; a file that cannot be read is an error at its first line.
    package static func load(from path: String) -> (KnownFailureList, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (KnownFailureList(path: path), [.error(.unreadableFile, "cannot read the known-failures list", at: SourceLocation(path: path, line: 1))])
        }
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (KnownFailureList(path: path), [diagnostic])
        case .success(let text): return parse(text, path: path)
        }
    }

    /// Reads the list's text: the entries it could read, and an error at each line it could not.
    package static func parse(_ text: String, path: String) -> (KnownFailureList, [Diagnostic]) {
        var list = KnownFailureList(path: path)
        var diagnostics: [Diagnostic] = []
        var firstAt: [Key: Int] = [:]
        var inHeader = true
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if inHeader && !list.header.isEmpty { inHeader = false }
                continue
            }
            if trimmed.hasPrefix("#") {
                if inHeader { list.header.append(trimmed) }
                continue
            }
            inHeader = false
            switch entry(in: Substring(raw), line: number, path: path) {
            case .failure(let problem):
                diagnostics.append(problem)
            case .success(let entry):
                if let first = firstAt[entry.key] {
                    diagnostics.append(.warning(.knownFailureMalformed, "this snippet is listed twice; the entry at line \(first) counts", at: entry.location))
                    continue
                }
                firstAt[entry.key] = number
                list.entries.append(entry)
            }
        }
        return (list, diagnostics)
    }

    /// One entry line: `PAGE[:LINE] FINGERPRINT DIAGNOSTIC [# reason]`.
    private static func entry(in line: Substring, line number: Int, path: String) -> Result<Entry, Diagnostic> {
        func at(_ index: Substring.Index) -> SourceLocation {
            SourceLocation(path: path, line: number, column: line.unicodeScalars.distance(from: line.startIndex, to: index) + 1)
        }
        let format = "an entry reads 'PAGE:LINE FINGERPRINT DIAGNOSTIC', as in 'guide/basics.md:12 3f9a1c2e run.output-mismatch'"
        // The reason starts at the first `#` after a space or a tab.
        var body = line
        var reason: String?
        if let hash = line.indices.first(where: { line[$0] == "#" && $0 > line.startIndex && line[line.index(before: $0)].isWhitespace }) {
            body = line[..<hash]
            reason = line[line.index(after: hash)...].trimmingCharacters(in: .whitespaces)
        }
        // Words, with where each starts: the last two are the fingerprint and the id.
        var words: [Substring] = []
        var index = body.startIndex
        while index < body.endIndex {
            if body[index].isWhitespace { index = body.index(after: index); continue }
            let end = body[index...].firstIndex(where: \.isWhitespace) ?? body.endIndex
            words.append(body[index..<end])
            index = end
        }
        guard words.count >= 3 else {
            return .failure(.error(.knownFailureMalformed, "cannot read this known-failures entry: \(format)", at: at(words.first?.startIndex ?? line.startIndex)))
        }
        let fingerprint = words[words.count - 2], id = words[words.count - 1]
        let place = body[words[0].startIndex..<words[words.count - 3].endIndex]
        guard SnippetFingerprint.isValid(fingerprint) else {
            return .failure(.error(.knownFailureMalformed, "'\(fingerprint)' is not a snippet's fingerprint (\(SnippetFingerprint.length) hex digits, as 'cheatgen check --write-known-failures' writes them): \(format)",
                                   at: at(fingerprint.startIndex)))
        }
        guard isDiagnosticID(id) else {
            return .failure(.error(.knownFailureMalformed, "'\(id)' is not a diagnostic identifier (as in run.output-mismatch; README, \"Diagnostics have names\")", at: at(id.startIndex)))
        }
        var page = String(place)
        var pageLine: Int?
        if let colon = place.lastIndex(of: ":"), let number = Int(place[place.index(after: colon)...]), number > 0 {
            page = String(place[..<colon])
            pageLine = number
        }
        guard !page.isEmpty, !page.hasPrefix("/") else {
            return .failure(.error(.knownFailureMalformed, "the page must be a path relative to the content folder, as in guide/basics.md", at: at(place.startIndex)))
        }
        return .success(Entry(page: page, line: pageLine, fingerprint: String(fingerprint), id: DiagnosticID(rawValue: String(id)), reason: reason,
                              location: SourceLocation(path: path, line: number, column: 1)))
    }

    /// `area.what`: lowercase letters, digits and dashes, in parts joined by dots.
    private static func isDiagnosticID(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
    }

    /// The list as a file: its header (the default one if it has none), then one line per
    /// entry, by page and line.
    package var text: String {
        let sorted = entries.sorted { ($0.page, $0.line ?? 0, $0.fingerprint) < ($1.page, $1.line ?? 0, $1.fingerprint) }
        let top = header.isEmpty ? Self.defaultHeader : header
        return (top + [""] + sorted.map(\.text)).joined(separator: "\n") + "\n"
    }
}
