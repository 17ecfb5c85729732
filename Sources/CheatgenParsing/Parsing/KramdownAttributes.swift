import CheatgenModel

/// kramdown's block attribute lists as cheatsheet sites write them: a line that is only
/// `{: .-three-column}`, `{: .-prime}`, `{: id="usage"}`, `{: data-line="2"}` or `{#usage}`,
/// right under the heading, paragraph, list, table or code block it describes; and `{#id}`
/// at the end of a heading. They are taken out of the Markdown before cmark reads it (their
/// lines become blank, so line numbers hold) and handed to the sheet builder by line.
enum KramdownAttributes {
    struct Line {
        var line: Int
        var attributes: BlockAttributes
    }

    struct Result {
        var text: String
        var lines: [Line]
        var diagnostics: [Diagnostic]
    }

    static func mayContainLists(_ text: String) -> Bool {
        text.contains("{:") || text.contains("{#")
    }

    /// Blanks attribute-list lines outside `codeLines`, returning what each said.
    static func extract(_ text: String, path: String, codeLines: Set<Int>) -> Result {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Line] = []
        var diagnostics: [Diagnostic] = []
        for index in lines.indices where !codeLines.contains(index + 1) {
            let trimmed = lines[index].trimmedSlice(of: " \t")
            guard trimmed.first == "{", trimmed.last == "}", let inner = listBody(trimmed) else { continue }
            let column = lines[index].utf8.count - lines[index].drop(while: { $0 == " " || $0 == "\t" }).utf8.count + 1
            let (attributes, problems) = parse(inner)
            for problem in problems {
                diagnostics.append(.warning(.attributeList, problem, at: SourceLocation(path: path, line: index + 1, column: column)))
            }
            found.append(Line(line: index + 1, attributes: attributes))
            lines[index] = ""
        }
        guard !found.isEmpty else { return Result(text: text, lines: [], diagnostics: diagnostics) }
        return Result(text: lines.joined(separator: "\n"), lines: found, diagnostics: diagnostics)
    }

    /// `{: body}` or `{#id}` → the part to parse; nil for anything else in braces.
    static func listBody(_ text: Substring) -> Substring? {
        if text.hasPrefix("{:") { return text.dropFirst(2).dropLast() }
        if text.hasPrefix("{#"), !text.dropFirst(2).dropLast().contains(where: \.isWhitespace) { return text.dropFirst().dropLast() }
        return nil
    }

    /// A heading's title ending in `{#id}` or `{: …}`: the title without it, and what it said.
    static func trailingList(in title: String) -> (title: String, body: Substring)? {
        guard title.hasSuffix("}"), let open = title.range(of: "{", options: .backwards) else { return nil }
        guard let body = listBody(title[open.lowerBound...]) else { return nil }
        let rest = title[..<open.lowerBound]
        guard rest.last == " " || rest.isEmpty else { return nil }
        return (String(rest.trimmedSlice(of: " \t")), body)
    }

    /// `.a.b #id key="value" key='v' key=v` → attributes, and a message for each word that is
    /// none of these.
    static func parse(_ body: Substring) -> (BlockAttributes, [String]) {
        var attributes = BlockAttributes()
        var problems: [String] = []
        for word in words(body) {
            if word.hasPrefix(".") {
                for name in word.split(separator: ".") where isName(name) { attributes.classes.append(String(name)) }
                if word.split(separator: ".").contains(where: { !isName($0) }) {
                    problems.append("kramdown class '\(word)' is not a valid class name; ignored")
                }
            } else if word.hasPrefix("#"), isName(word.dropFirst()) {
                attributes.id = String(word.dropFirst())
            } else if let equals = word.firstIndex(of: "="), isName(word[..<equals]) {
                let key = String(word[..<equals])
                var value = word[word.index(after: equals)...]
                if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                    value = value.dropFirst().dropLast()
                }
                if key == "id" { attributes.id = String(value) } else { attributes.pairs.append(.init(key: key, value: String(value))) }
            } else {
                problems.append("kramdown attribute '\(word)' is not understood; ignored (write .class, #id or key=\"value\")")
            }
        }
        return (attributes, problems)
    }

    /// Words separated by blanks, a quoted value kept whole (`title="a b"`).
    private static func words(_ body: Substring) -> [Substring] {
        var result: [Substring] = []
        var start: Substring.Index?
        var quote: Character?
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == " " || character == "\t" {
                if let begun = start { result.append(body[begun..<index]); start = nil }
            } else {
                if start == nil { start = index }
                if character == "\"" || character == "'" { quote = character }
            }
            index = body.index(after: index)
        }
        if let begun = start { result.append(body[begun...]) }
        return result
    }

    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
    }
}
