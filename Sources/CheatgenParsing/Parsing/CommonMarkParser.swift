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
    static func parse(_ markdown: String, path: String) -> Result {
        var converter = Converter(path: path, markdown: markdown)
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_SAFE
        let blocks: [Block] = markdown.withCString { pointer in
            guard let document = cmark_parse_document(pointer, markdown.utf8.count, options) else { return [] }
            defer { cmark_node_free(document) }
            return converter.blocks(under: document, depth: 0)
        }
        return Result(blocks: blocks, diagnostics: converter.diagnostics)
    }

    private struct Converter {
        let path: String
        var diagnostics: [Diagnostic] = []
        private var reportedDepth = false

        let lines: [Substring]

        init(path: String, markdown: String) {
            self.path = path
            self.lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
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
                return .paragraph(inlines(under: node, fallback: here, depth: depth), here)
            case .heading:
                let level = Int(cmark_node_get_heading_level(node))
                return .heading(level: level, inlines(under: node, fallback: here, depth: depth), here)
            case .codeBlock:
                let info = Self.string(cmark_node_get_fence_info(node))
                let literal = Self.string(cmark_node_get_literal(node))
                // cmark 0.30 does not say whether a block was fenced; its first source line does.
                let fenced = isFence(line: here.line)
                var block = Block.CodeBlock(info: info, code: literal, location: here, isFenced: fenced)
                block.endLine = Int(cmark_node_get_end_line(node))
                block.isClosed = !fenced || isClosingFence(line: block.endLine, opening: here.line)
                return .codeBlock(block)
            case .blockQuote:
                return .blockQuote(blocks(under: node, depth: depth + 1), here)
            case .list:
                let items = children(of: node).map { blocks(under: $0, depth: depth + 1) }
                return .list(.init(
                    isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)),
                    isTight: cmark_node_get_list_tight(node) != 0,
                    items: items,
                    location: here))
            case .thematicBreak:
                return .thematicBreak(here)
            case .htmlBlock:
                let raw = Self.string(cmark_node_get_literal(node))
                return HTMLComments.isOnlyComments(raw) ? .comment(raw, here) : .html(raw, here)
            default:
                return nil
            }
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
                guard let root = cmark_parse_document(pointer, document.utf8.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_SAFE) else { return nil }
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
                return result
            }
        }

        /// Removes the `x ` put in front of a piece by `inlines(of:)`.
        private static func droppingLeadingLetter(_ inlines: [Inline]) -> [Inline] {
            guard case .text(let first)? = inlines.first, first.hasPrefix("x") else { return inlines }
            var rest = first.dropFirst()
            if rest.hasPrefix(" ") { rest = rest.dropFirst() }
            return rest.isEmpty ? Array(inlines.dropFirst()) : [.text(String(rest))] + inlines.dropFirst()
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
