import CheatgenModel

/// Finds places in a snippet's Markdown file in the stack frames a runtime prints. Thanks to
/// `#sourceLocation`, the debug line tables name the sheet: the Swift backtracer prints
/// `… in runner at content/x.md:42:13`, ThreadSanitizer `… /work/content/x.md:42:13 (runner+0x…)`
/// (with the compiler's working directory before a relative path).
enum StackFrames {
    /// The line and column in `path` that `frame` names, if it names one.
    static func location(in frame: Substring, path: String) -> SourceLocation? {
        var searchFrom = frame.startIndex
        while let range = frame.range(of: path + ":", range: searchFrom..<frame.endIndex) {
            searchFrom = range.upperBound
            // A whole path: starts the word, or follows the directory it was relative to.
            if range.lowerBound > frame.startIndex {
                let before = frame[frame.index(before: range.lowerBound)]
                guard before == " " || (before == "/" && !path.hasPrefix("/")) else { continue }
            }
            let rest = frame[range.upperBound...]
            let lineDigits = rest.prefix { $0.isNumber }
            guard let line = Int(lineDigits), line > 0 else { continue }
            var column = 1
            let afterLine = rest.dropFirst(lineDigits.count)
            if afterLine.first == ":", let parsed = Int(afterLine.dropFirst().prefix { $0.isNumber }), parsed > 0 { column = parsed }
            return SourceLocation(path: path, line: line, column: column)
        }
        return nil
    }

    /// Every place in `path` named by the lines of `text`, innermost frame first.
    static func locations(in text: some StringProtocol, path: String) -> [SourceLocation] {
        text.split(separator: "\n").compactMap { location(in: Substring($0), path: path) }
    }
}
