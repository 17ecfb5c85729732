import CCmark

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

        private func isFence(line: Int) -> Bool {
            guard line >= 1, line <= lines.count else { return false }
            let text = lines[line - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" || $0 == "-" || $0 == "*" || $0 == "+" || $0.isNumber || $0 == "." || $0 == ")" }
            return text.hasPrefix("```") || text.hasPrefix("~~~")
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
                diagnostics.append(.error(
                    "Markdown nested more than \(CommonMarkParser.maximumDepth) levels deep; flatten the lists or quotes",
                    at: location(of: node)))
            }
            return true
        }

        mutating func blocks(under parent: OpaquePointer, depth: Int) -> [Block] {
            if depth > CommonMarkParser.maximumDepth, tooDeep(parent) { return [] }
            return children(of: parent).compactMap { block($0, depth: depth) }
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
                block.isClosed = !fenced || isFence(line: block.endLine) && block.endLine > here.line
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
                return .html(Self.string(cmark_node_get_literal(node)), here)
            default:
                return nil
            }
        }

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
            case .htmlInline: return .html(Self.string(cmark_node_get_literal(node)))
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
