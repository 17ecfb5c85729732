import CheatgenModel

/// Rewrites `File "/tmp/…/x.py", line 7` in Python's messages to the Markdown file and line.
struct TracebackMapper {
    let file: String
    let markdownPath: String
    let lineMap: [Int]

    func markdownLine(_ line: Int) -> Int? {
        line >= 1 && line <= lineMap.count ? lineMap[line - 1] : nil
    }

    func rewrite(_ text: String) -> String {
        let needle = "File \"\(file)\", line "
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: needle) else { return String(line) }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits), let mapped = markdownLine(number) else { return String(line) }
            return line[..<range.lowerBound] + "File \"\(markdownPath)\", line \(mapped)" + line[range.upperBound...].dropFirst(digits.count)
        }.joined(separator: "\n")
    }

    /// The innermost frame in the snippet, from an already rewritten traceback.
    func location(in rewritten: String) -> SourceLocation? {
        let needle = "File \"\(markdownPath)\", line "
        guard let line = rewritten.split(separator: "\n").last(where: { $0.contains(needle) }),
              let range = line.range(of: needle),
              let number = Int(line[range.upperBound...].prefix { $0.isNumber }) else { return nil }
        return SourceLocation(path: markdownPath, line: number)
    }

    /// `ValueError: boom` — the last non-empty line of a traceback.
    func lastLine(of text: String) -> String {
        text.split(separator: "\n").last.map { $0.trimmed() } ?? "an error"
    }
}
