/// An expected output written in the code itself, as Apple's documentation writes it:
/// `// Prints "Hello"` under (or after) the line that prints, and for output of several lines
/// `// Prints two lines:` followed by one comment line per printed line. Python writes `#`.
///
/// What is expected is the text between the outer quotes, exactly: inner quotes are kept
/// (`// Prints "The word "yes" is printed"`), a period after the closing quote is not part of
/// it, and neither is prose after a closing quote and a comma
/// (`// Prints "ok", because the test passed.`).
package enum PrintsComments {
    /// The expectation the `Prints` comments of `code` make, or nil when it has none.
    /// `comment` starts a line comment in the snippet's language; `firstLine` is the file
    /// line of the code's first line.
    package static func expectation(in code: String, comment: String, path: String, firstLine: Int) -> Expectation? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var expected: [String] = []
        var sourceLines: [Int] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard let said = saying(lines[index], comment: comment) else { continue }
            switch said {
            case .line(let text):
                expected.append(text)
                sourceLines.append(firstLine + index)
            case .count(let count):
                // The lines that follow, each a whole-line comment, are the printed lines.
                var taken = 0
                while taken < count, index + 1 < lines.count, let text = commentText(lines[index + 1], comment: comment) {
                    index += 1
                    taken += 1
                    expected.append(text)
                    sourceLines.append(firstLine + index)
                }
            }
        }
        guard let first = sourceLines.first else { return nil }
        return Expectation(text: expected.map { $0 + "\n" }.joined(), location: SourceLocation(path: path, line: first),
                           endLine: sourceLines.last ?? first, sourceLines: sourceLines)
    }

    enum Saying: Equatable {
        /// `Prints "text"`
        case line(String)
        /// `Prints two lines:` — that many comment lines follow.
        case count(Int)
    }

    static let numbers = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]

    /// What a line's `Prints` comment says, if it has one (alone on its line or after code).
    static func saying(_ line: Substring, comment: String) -> Saying? {
        var searchFrom = line.startIndex
        while let found = line[searchFrom...].range(of: comment) {
            searchFrom = found.upperBound
            let rest = line[found.upperBound...].drop { $0 == " " || $0 == "\t" }
            guard rest.hasPrefix("Prints ") else { continue }
            let words = rest.dropFirst("Prints ".count).drop { $0 == " " }
            if words.hasPrefix("\"") { return quoted(words.dropFirst()).map(Saying.line) }
            let parts = words.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[1].trimmingSuffix(while: \.isWhitespace) == "lines:" || parts[1].trimmingSuffix(while: \.isWhitespace) == "line:" else { return nil }
            let word = parts[0].lowercased()
            guard let count = numbers[word] ?? Int(word), count > 0 else { return nil }
            return .count(count)
        }
        return nil
    }

    /// The text up to the closing quote: the first quote followed by a comma and prose, else
    /// the last quote on the line.
    static func quoted(_ text: Substring) -> String? {
        var last: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\"" {
                let after = text[text.index(after: index)...]
                if after.hasPrefix(", "), let next = after.dropFirst(2).first, next.isLetter { return String(text[..<index]) }
                last = index
            }
            index = text.index(after: index)
        }
        return last.map { String(text[..<$0]) }
    }

    /// The text of a line that is only a comment (the marker and one space after it removed).
    static func commentText(_ line: Substring, comment: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(comment) else { return nil }
        var text = trimmed.dropFirst(comment.count)
        if text.hasPrefix(" ") { text = text.dropFirst() }
        return String(text.trimmingSuffix(while: { $0 == " " || $0 == "\t" }))
    }
}
