import CCmark
import CheatgenModel

/// The only file that talks to cmark: parses Markdown with source positions in safe mode,
/// copies the tree into `Block`/`Inline` values, and frees the C tree before returning.
enum CommonMarkParser {
    /// Deeper nesting than this (quotes in lists in quotes…) is reported instead of followed,
    /// so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    struct Result {
        var blocks: [Block]
        var diagnostics: [Diagnostic]
        /// GFM footnote definitions, in source order (see `Footnotes`).
        var footnotes: [Footnote] = []
    }

    /// cmark's node kinds, mapped once so the rest of the code never compares C integers.
    private enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case unknown

        init(_ node: OpaquePointer) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: self = .document
            case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
            case CMARK_NODE_LIST: self = .list
            case CMARK_NODE_ITEM: self = .item
            case CMARK_NODE_CODE_BLOCK: self = .codeBlock
            case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
            case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
            case CMARK_NODE_PARAGRAPH: self = .paragraph
            case CMARK_NODE_HEADING: self = .heading
            case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
            case CMARK_NODE_TEXT: self = .text
            case CMARK_NODE_SOFTBREAK: self = .softBreak
            case CMARK_NODE_LINEBREAK: self = .lineBreak
            case CMARK_NODE_CODE: self = .code
            case CMARK_NODE_HTML_INLINE: self = .htmlInline
            case CMARK_NODE_CUSTOM_INLINE: self = .customInline
            case CMARK_NODE_EMPH: self = .emphasis
            case CMARK_NODE_STRONG: self = .strong
            case CMARK_NODE_LINK: self = .link
            case CMARK_NODE_IMAGE: self = .image
            default: self = .unknown
            }
        }
    }

    /// Parses `markdown` (already valid UTF-8) whose lines are numbered as in the file at `path`.
    /// `smartPunctuation` makes `---` an em dash, `--` an en dash and straight quotes curly in
    /// text (never in code), as DocC renders a page.
    static func parse(_ source: String, path: String, smartPunctuation: Bool = false) -> Result {
        let marked = EscapedTildes.marking(source)
        let markdown = marked ?? source
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let definitions = markdown.containsBytes("[^") ? Footnotes.definitions(in: lines, isCode: codeLines(markdown)) : []
        var text = markdown
        if !definitions.isEmpty {
            // Definitions are read apart; cmark sees blank lines in their place.
            var blanked = lines
            for definition in definitions {
                for line in definition.firstLine...definition.lastLine { blanked[line - 1] = "" }
            }
            text = blanked.joined(separator: "\n")
        }
        let keys = Set(definitions.map { Footnote.key($0.label) })
        var result = convert(text, path: path, footnotes: keys, marked: marked != nil, smart: smartPunctuation)
        guard !definitions.isEmpty else { return result }
        var seen: [String: Int] = [:]
        for definition in definitions {
            let indent = lines[definition.firstLine - 1].prefix { $0 == " " }.count
            let location = SourceLocation(path: path, line: definition.firstLine, column: indent + 1)
            let key = Footnote.key(definition.label)
            if let earlier = seen[key] {
                result.diagnostics.append(.warning(.footnote, "footnote '[^\(definition.label)]' is already defined on line \(earlier); this definition is ignored", at: location))
                continue
            }
            seen[key] = definition.firstLine
            // Leading blank lines keep cmark's line numbers those of the file.
            let document = String(repeating: "\n", count: definition.firstLine - 1) + definition.content.joined(separator: "\n")
            let parsed = convert(document, path: path, footnotes: keys, marked: marked != nil, smart: smartPunctuation)
            result.diagnostics += parsed.diagnostics
            let shifts = (definition.firstLine...definition.lastLine).map { line in
                lines[line - 1].utf8.count - definition.content[line - definition.firstLine].utf8.count
            }
            let blocks = Converter.moving(parsed.blocks) { location in
                let index = location.line - definition.firstLine
                guard index >= 0, index < shifts.count else { return location }
                return SourceLocation(path: location.path, line: location.line, column: location.column + shifts[index])
            }
            result.footnotes.append(Footnote(label: definition.label, blocks: blocks, location: location))
        }
        let referenced = Set((result.blocks + result.footnotes.flatMap(\.blocks)).footnoteReferences)
        for footnote in result.footnotes where !referenced.contains(footnote.key) {
            result.diagnostics.append(.warning(.footnote, "footnote '[^\(footnote.label)]' is never referred to; it is not shown", at: footnote.location))
        }
        return result
    }

    /// Parses and converts one document.
    private static func convert(_ markdown: String, path: String, footnotes: Set<String>, marked: Bool, smart: Bool) -> Result {
        var converter = Converter(path: path, markdown: markdown, footnotes: footnotes, marksEscapedTildes: marked, smart: smart)
        let options = converter.options
        let blocks: [Block] = markdown.withCString { pointer in
            guard let document = cmark_parse_document(pointer, markdown.utf8.count, options) else { return [] }
            defer { cmark_node_free(document) }
            return converter.blocks(under: document, depth: 0)
        }
        return Result(blocks: blocks, diagnostics: converter.diagnostics)
    }

    /// Which lines are inside code and HTML blocks (at any depth), where a footnote
    /// definition cannot start.
    private static func codeLines(_ markdown: String) -> (Int) -> Bool {
        var ranges: [ClosedRange<Int>] = []
        markdown.withCString { pointer in
            guard let document = cmark_parse_document(pointer, markdown.utf8.count, CMARK_OPT_SOURCEPOS) else { return }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let kind = Kind(node)
                guard kind == .codeBlock || kind == .htmlBlock else { continue }
                let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
                if start > 0, end >= start { ranges.append(start...end) }
            }
        }
        return { line in ranges.contains { $0.contains(line) } }
    }

    private struct Converter {
        let path: String
        var diagnostics: [Diagnostic] = []
        private var reportedDepth = false

        let lines: [Substring]
        /// The keys of the sheet's footnotes, for GFM's inline extensions.
        let footnotes: Set<String>

        /// Whether the source's `\~` were marked (`EscapedTildes`) and must be given back.
        let marksEscapedTildes: Bool

        /// cmark's options for the document and for its table cells, parsed apart.
        let options: Int32

        init(path: String, markdown: String, footnotes: Set<String> = [], marksEscapedTildes: Bool = false, smart: Bool = false) {
            self.path = path
            self.lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            self.footnotes = footnotes
            self.marksEscapedTildes = marksEscapedTildes
            self.options = CMARK_OPT_SOURCEPOS | CMARK_OPT_SAFE | (smart ? CMARK_OPT_SMART : 0)
        }

        /// GitHub's inline extensions over inlines cmark core made.
        private func extended(_ inlines: [Inline], at location: SourceLocation) -> [Inline] {
            let result = GFMInlines(footnotes: footnotes, location: location).apply(inlines)
            return marksEscapedTildes ? EscapedTildes.restoring(result) : result
        }

        /// A literal where backslash escapes do not apply (code, raw HTML).
        private func literal(_ string: String) -> String {
            marksEscapedTildes ? EscapedTildes.literal(string) : string
        }

        /// The document's lines that look like link reference definitions (`[label]: url`),
        /// for parsing table cells apart from the document.
        private lazy var referenceDefinitions: String = lines.filter { line in
            let text = line.drop { $0 == " " }
            return text.hasPrefix("[") && !text.hasPrefix("[^") && text.contains("]:")
        }.joined(separator: "\n")

        /// The fence a line starts with (past list and quote markers): its character, how many
        /// of them, and what follows.
        private func fence(line: Int) -> (mark: Character, length: Int, rest: Substring)? {
            guard line >= 1, line <= lines.count else { return nil }
            let text = lines[line - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" || $0 == "-" || $0 == "*" || $0 == "+" || $0.isNumber || $0 == "." || $0 == ")" }
            guard let mark = text.first, mark == "`" || mark == "~" else { return nil }
            let length = text.prefix { $0 == mark }.count
            return length >= 3 ? (mark, length, text.dropFirst(length)) : nil
        }

        private func isFence(line: Int) -> Bool { fence(line: line) != nil }

        /// Whether the block opened at `start` ends with a closing fence at `end`: the same
        /// character, at least as many, and nothing after them. cmark ends a block that was never
        /// closed at the file's last line, which may look like a fence without closing it: three
        /// backticks in a block opened with four, backticks in a tilde block, a line of `` ```swift ``.
        private func isClosingFence(line end: Int, opening start: Int) -> Bool {
            guard end > start, let open = fence(line: start), let close = fence(line: end) else { return false }
            return close.mark == open.mark && close.length >= open.length && close.rest.allSatisfy { $0 == " " || $0 == "\t" }
        }

        private func location(of node: OpaquePointer, fallback: SourceLocation? = nil) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            if line <= 0, let fallback { return fallback }
            return SourceLocation(path: path, line: max(line, 1), column: max(column, 1))
        }

        private func children(of node: OpaquePointer) -> [OpaquePointer] {
            var result: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                result.append(current)
                child = cmark_node_next(current)
            }
            return result
        }

        private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }

        private mutating func tooDeep(_ node: OpaquePointer) -> Bool {
            if !reportedDepth {
                reportedDepth = true
                diagnostics.append(.error(.nestedTooDeep,
                    "Markdown nested more than \(CommonMarkParser.maximumDepth) levels deep; flatten the lists or quotes",
                    at: location(of: node)))
            }
            return true
        }

        mutating func blocks(under parent: OpaquePointer, depth: Int) -> [Block] {
            if depth > CommonMarkParser.maximumDepth, tooDeep(parent) { return [] }
            return children(of: parent).flatMap { node -> [Block] in
                if Kind(node) == .paragraph, let table = tableBlocks(in: node) { return table }
                return block(node, depth: depth).map { [$0] } ?? []
            }
        }

        private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
            let here = location(of: node)
            switch Kind(node) {
            case .paragraph:
                return .paragraph(extended(inlines(under: node, fallback: here, depth: depth), at: here), here)
            case .heading:
                let level = Int(cmark_node_get_heading_level(node))
                return .heading(level: level, extended(inlines(under: node, fallback: here, depth: depth), at: here), here)
            case .codeBlock:
                let info = Self.string(cmark_node_get_fence_info(node))
                let shownInfo = marksEscapedTildes ? EscapedTildes.text(info) : info
                let code = literal(Self.string(cmark_node_get_literal(node)))
                // cmark 0.30 does not say whether a block was fenced; its first source line does.
                let fenced = isFence(line: here.line)
                var block = Block.CodeBlock(info: shownInfo, code: code, location: here, isFenced: fenced)
                block.endLine = Int(cmark_node_get_end_line(node))
                block.isClosed = !fenced || isClosingFence(line: block.endLine, opening: here.line)
                return .codeBlock(block)
            case .blockQuote:
                return .blockQuote(blocks(under: node, depth: depth + 1), here)
            case .list:
                var items: [[Block]] = []
                var checkboxes: [Bool?] = []
                for item in children(of: node) {
                    let box = taskBox(of: item)
                    let blocks = blocks(under: item, depth: depth + 1)
                    items.append(box == nil ? blocks : TaskLists.removingBox(from: blocks))
                    checkboxes.append(box)
                }
                return .list(.init(
                    isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)),
                    isTight: cmark_node_get_list_tight(node) != 0,
                    items: items,
                    location: here,
                    checkboxes: checkboxes))
            case .thematicBreak:
                return .thematicBreak(here)
            case .htmlBlock:
                let raw = literal(Self.string(cmark_node_get_literal(node)))
                return HTMLComments.isOnlyComments(raw) ? .comment(raw, here) : .html(raw, here)
            default:
                return nil
            }
        }

        /// The task box (`[ ]`, `[x]`) a list item's first paragraph starts with in the source.
        private func taskBox(of item: OpaquePointer) -> Bool? {
            guard let first = cmark_node_first_child(item), Kind(first) == .paragraph else { return nil }
            let line = Int(cmark_node_get_start_line(first)), column = Int(cmark_node_get_start_column(first))
            guard line >= 1, line <= lines.count, column >= 1 else { return nil }
            let raw = lines[line - 1]
            guard let start = raw.utf8.index(raw.startIndex, offsetBy: column - 1, limitedBy: raw.endIndex) else { return nil }
            return TaskLists.box(atStartOf: raw[start...])
        }

        // MARK: Pipe tables

        /// A paragraph that holds a GFM pipe table, as the paragraph above its header row (if
        /// any) and the table; nil when the paragraph has no table.
        private mutating func tableBlocks(in node: OpaquePointer) -> [Block]? {
            let here = location(of: node)
            let endLine = Int(cmark_node_get_end_line(node))
            guard endLine > here.line, endLine <= lines.count else { return nil }
            var contents: [Substring] = []
            var offsets: [Int] = []
            for line in here.line...endLine {
                let raw = lines[line - 1]
                let drop = line == here.line ? here.column - 1 : Self.containerPrefix(of: raw, atMost: here.column - 1)
                guard let start = raw.utf8.index(raw.startIndex, offsetBy: drop, limitedBy: raw.endIndex) else { return nil }
                contents.append(raw[start...])
                offsets.append(drop)
            }
            guard let (header, alignments) = PipeTable.start(in: contents) else { return nil }
            var pieces: [InlinePiece] = []
            if header > 0 {
                pieces.append(InlinePiece(text: contents[0..<header].joined(separator: "\n"), line: here.line, offsets: Array(offsets[0..<header])))
            }
            let headerCells = PipeTable.cells(of: contents[header])
            for cell in headerCells {
                pieces.append(InlinePiece(text: cell.text, line: here.line + header, offsets: [offsets[header] + cell.offset]))
            }
            var rowCells: [[PipeTable.Cell]] = []
            for row in (header + 2)..<max(header + 2, contents.count) {
                // Missing cells are empty and extra ones are dropped, as in GFM.
                var cells = Array(PipeTable.cells(of: contents[row]).prefix(alignments.count))
                while cells.count < alignments.count { cells.append(PipeTable.Cell(text: "", offset: 0)) }
                rowCells.append(cells)
                for cell in cells {
                    pieces.append(InlinePiece(text: cell.text, line: here.line + row, offsets: [offsets[row] + cell.offset]))
                }
            }
            var parsed = inlines(of: pieces)[...]
            var result: [Block] = []
            if header > 0 { result.append(.paragraph(parsed.removeFirst(), here)) }
            let headerInlines = Array(parsed.prefix(headerCells.count))
            parsed = parsed.dropFirst(headerCells.count)
            var rows: [[[Inline]]] = []
            for _ in rowCells {
                rows.append(Array(parsed.prefix(alignments.count)))
                parsed = parsed.dropFirst(alignments.count)
            }
            let tableStart = SourceLocation(path: path, line: here.line + header, column: offsets[header] + 1)
            result.append(.table(Table(alignments: alignments, header: headerInlines, rows: rows, location: tableStart)))
            return result
        }

        /// Leading bytes of a continuation line that belong to its containers (`>` markers and
        /// indentation), at most `limit` of them.
        private static func containerPrefix(of line: Substring, atMost limit: Int) -> Int {
            var count = 0
            for byte in line.utf8 {
                guard count < limit, byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ">") else { break }
                count += 1
            }
            return count
        }

        /// Text to parse as inline Markdown (a cell, or the paragraph above a table), with where
        /// each of its lines starts in the file.
        private struct InlinePiece {
            var text: String
            var line: Int
            /// Bytes before the text on each of its lines.
            var offsets: [Int]
        }

        /// Parses every piece's inlines with one cmark call: each becomes a paragraph of its own,
        /// after a letter so that no cell (`# not a heading`, `- not a list`) starts a block.
        /// Link locations are moved back to where the text is in the file.
        private mutating func inlines(of pieces: [InlinePiece]) -> [[Inline]] {
            var document = ""
            var firstLines: [Int] = []
            var line = 1
            for piece in pieces {
                firstLines.append(line)
                document += "x " + piece.text + "\n\n"
                line += piece.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } + 1
            }
            // Reference links in cells (`[text][label]`) need the document's definitions.
            document += referenceDefinitions
            let parsed: [[Inline]]? = document.withCString { pointer in
                guard let root = cmark_parse_document(pointer, document.utf8.count, options) else { return nil }
                defer { cmark_node_free(root) }
                let paragraphs = children(of: root).prefix(pieces.count)
                guard paragraphs.count == pieces.count, paragraphs.allSatisfy({ Kind($0) == .paragraph }) else { return nil }
                return paragraphs.map { inlines(under: $0, fallback: SourceLocation(path: path, line: 1), depth: 1) }
            }
            guard let parsed else { return pieces.map { [.text($0.text)] } }
            return zip(parsed, zip(pieces, firstLines)).map { inlines, placed in
                let (piece, firstLine) = placed
                var result = Self.droppingLeadingLetter(inlines)
                result = Self.moving(result) { location in
                    let index = min(max(location.line - firstLine, 0), piece.offsets.count - 1)
                    let column = location.column - (index == 0 ? 2 : 0) + piece.offsets[index]
                    return SourceLocation(path: location.path, line: piece.line + index, column: max(column, 1))
                }
                return extended(result, at: SourceLocation(path: path, line: piece.line, column: piece.offsets[0] + 1))
            }
        }

        /// Removes the `x ` put in front of a piece by `inlines(of:)`.
        private static func droppingLeadingLetter(_ inlines: [Inline]) -> [Inline] {
            guard case .text(let first)? = inlines.first, first.hasPrefix("x") else { return inlines }
            var rest = first.dropFirst()
            if rest.hasPrefix(" ") { rest = rest.dropFirst() }
            return rest.isEmpty ? Array(inlines.dropFirst()) : [.text(String(rest))] + inlines.dropFirst()
        }

        /// The blocks with every location passed through `move` (their blocks' and links').
        static func moving(_ blocks: [Block], _ move: (SourceLocation) -> SourceLocation) -> [Block] {
            blocks.map { block in
                switch block {
                case .paragraph(let inlines, let location): return .paragraph(moving(inlines, move), move(location))
                case .heading(let level, let inlines, let location): return .heading(level: level, moving(inlines, move), move(location))
                case .blockQuote(let children, let location): return .blockQuote(moving(children, move), move(location))
                case .codeBlock(var code):
                    code.location = move(code.location)
                    return .codeBlock(code)
                case .list(var list):
                    list.items = list.items.map { moving($0, move) }
                    return .list(list)
                case .table(var table):
                    table.header = table.header.map { moving($0, move) }
                    table.rows = table.rows.map { $0.map { moving($0, move) } }
                    return .table(table)
                default: return block
                }
            }
        }

        /// The inlines with every link's location passed through `move`.
        private static func moving(_ inlines: [Inline], _ move: (SourceLocation) -> SourceLocation) -> [Inline] {
            inlines.map { inline in
                switch inline {
                case .link(var link):
                    link.location = move(link.location)
                    link.children = moving(link.children, move)
                    return .link(link)
                case .emphasis(let children): return .emphasis(moving(children, move))
                case .strong(let children): return .strong(moving(children, move))
                case .strikethrough(let children): return .strikethrough(moving(children, move))
                case .image(let source, let title, let alt): return .image(source: source, title: title, alt: moving(alt, move))
                default: return inline
                }
            }
        }

        // MARK: Inlines

        private mutating func inlines(under parent: OpaquePointer, fallback: SourceLocation, depth: Int) -> [Inline] {
            if depth > CommonMarkParser.maximumDepth, tooDeep(parent) { return [] }
            return children(of: parent).compactMap { inline($0, fallback: fallback, depth: depth) }
        }

        private mutating func inline(_ node: OpaquePointer, fallback: SourceLocation, depth: Int) -> Inline? {
            switch Kind(node) {
            case .text: return .text(Self.string(cmark_node_get_literal(node)))
            case .code: return .code(Self.string(cmark_node_get_literal(node)))
            case .softBreak: return .softBreak
            case .lineBreak: return .lineBreak
            case .htmlInline:
                let raw = Self.string(cmark_node_get_literal(node))
                return raw.hasPrefix("<!--") ? nil : .html(raw)
            case .emphasis: return .emphasis(inlines(under: node, fallback: fallback, depth: depth + 1))
            case .strong: return .strong(inlines(under: node, fallback: fallback, depth: depth + 1))
            case .link:
                return .link(.init(
                    destination: Self.string(cmark_node_get_url(node)),
                    title: Self.string(cmark_node_get_title(node)),
                    children: inlines(under: node, fallback: fallback, depth: depth + 1),
                    location: location(of: node, fallback: fallback)))
            case .image:
                return .image(
                    source: Self.string(cmark_node_get_url(node)),
                    title: Self.string(cmark_node_get_title(node)),
                    alt: inlines(under: node, fallback: fallback, depth: depth + 1))
            default:
                return nil
            }
        }
    }
}
