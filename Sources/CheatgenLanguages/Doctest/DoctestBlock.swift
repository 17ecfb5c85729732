import CheatgenModel

/// A doctest block's place in its sheet: how a line of the block, as the driver counts it
/// (0-based, as `doctest` gives `Example.lineno`), is a line of the Markdown file.
struct DoctestBlock {
    let snippet: Snippet
    /// The Markdown line of each line of the `uses=` setup run before the block.
    let setupLineMap: [Int]

    /// `>>> code` or a bare `>>>`: a line that starts an example.
    static func isPrompt(_ line: Substring) -> Bool {
        line == ">>>" || line.hasPrefix(">>> ")
    }

    /// The Markdown line of the block's line `offset`.
    func markdownLine(_ offset: Int) -> Int {
        snippet.firstCodeLine + offset
    }

    /// Where an example whose prompt is at `offset`, indented by `indent`, starts in the Markdown.
    func location(ofLine offset: Int, indent: Int = 0) -> SourceLocation {
        SourceLocation(path: snippet.path, line: markdownLine(offset), column: snippet.location.column + indent)
    }

    /// A traceback with the block's examples (`File "<doctest NAME[2]>", line 1`) and the setup's
    /// file named by their Markdown lines; `examples` are the examples' first lines in the block.
    func rewrite(traceback text: String, examples: [Int], setupFile: String) -> String {
        let needle = "File \"<doctest \(snippet.symbolName)["
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: needle) else { return String(line) }
            let rest = line[range.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            let tail = rest.dropFirst(digits.count)
            guard let example = Int(digits), examples.indices.contains(example), tail.hasPrefix("]>\", line ") else { return String(line) }
            let lineDigits = tail.dropFirst("]>\", line ".count).prefix { $0.isNumber }
            guard let number = Int(lineDigits) else { return String(line) }
            let after = tail.dropFirst("]>\", line ".count + lineDigits.count)
            return line[..<range.lowerBound] + "File \"\(snippet.path)\", line \(markdownLine(examples[example] + number - 1))" + after
        }
        return TracebackMapper(file: setupFile, markdownPath: snippet.path, lineMap: setupLineMap).rewrite(lines.joined(separator: "\n"))
    }
}
