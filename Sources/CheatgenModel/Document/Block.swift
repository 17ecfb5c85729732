/// Block-level Markdown content, copied out of cmark's tree.
package indirect enum Block: Hashable, Sendable {
    case paragraph([Inline], SourceLocation)
    case heading(level: Int, [Inline], SourceLocation)
    /// A fenced or indented code block. `location` is the fence line; the code starts on the next line.
    case codeBlock(CodeBlock)
    case blockQuote([Block], SourceLocation)
    case list(List)
    case thematicBreak(SourceLocation)
    /// A raw HTML block. Never emitted as markup.
    case html(String, SourceLocation)
    /// An HTML comment block (`<!-- … -->`, nothing else on its lines): kept in its place, with
    /// its text, for what reads it (tests hidden in comments), but never shown and never warned about.
    case comment(String, SourceLocation)
    /// A GitHub pipe table (cmark core has none; found in paragraphs by `PipeTable`).
    case table(Table)
    /// A block with the kramdown attribute list written under it (`{: .-setup}`).
    case attributed(Block, BlockAttributes)

    package struct CodeBlock: Hashable, Sendable {
        /// The whole info string after the fence (`swift unordered timeout=3`).
        package var info: String {
            didSet { language = Self.firstWord(of: info) }
        }
        /// The first word of the info string: the language (worked out once; the outline and
        /// the highlighter ask often).
        package private(set) var language: String
        package var code: String
        package var location: SourceLocation
        /// Whether it was a fenced block (an indented block has no info and no fence line).
        package var isFenced: Bool
        /// The last line of the block: the closing fence, or the last line of code when the
        /// fence was never closed (then `isClosed` is false).
        package var endLine: Int = 0
        package var isClosed: Bool = true

        package init(info: String, code: String, location: SourceLocation, isFenced: Bool, endLine: Int = 0, isClosed: Bool = true) {
            self.info = info
            self.language = Self.firstWord(of: info)
            self.code = code
            self.location = location
            self.isFenced = isFenced
            self.endLine = endLine
            self.isClosed = isClosed
        }

        private static func firstWord(of info: String) -> String {
            String(info.split(whereSeparator: \.isWhitespace).first ?? "")
        }

        /// The words after the language.
        package var attributeWords: [String] {
            info.split(whereSeparator: \.isWhitespace).dropFirst().map(String.init)
        }

        /// The source line of the first line of code.
        package var firstCodeLine: Int { isFenced ? location.line + 1 : location.line }
    }

    package struct List: Hashable, Sendable {
        package var isOrdered: Bool
        package var start: Int
        package var isTight: Bool
        package var items: [[Block]]
        package var location: SourceLocation
        /// GFM task lists: for each item, whether its `[x]` box is checked, nil for an item
        /// without a box (`- [ ] to do`, `- [x] done`). Empty when no item has one.
        package var checkboxes: [Bool?] = []

        /// The memberwise initializer, for the layers above (Swift's own is internal).
        package init(isOrdered: Bool, start: Int, isTight: Bool, items: [[Block]], location: SourceLocation, checkboxes: [Bool?] = []) {
            self.isOrdered = isOrdered
            self.start = start
            self.isTight = isTight
            self.items = items
            self.location = location
            self.checkboxes = checkboxes.contains { $0 != nil } ? checkboxes : []
        }

        /// The box of the item at `index`: nil when it has none.
        package func checkbox(at index: Int) -> Bool? {
            index < checkboxes.count ? checkboxes[index] : nil
        }
    }

    package var location: SourceLocation {
        switch self {
        case .paragraph(_, let l), .heading(_, _, let l), .blockQuote(_, let l), .thematicBreak(let l), .html(_, let l), .comment(_, let l):
            l
        case .codeBlock(let c): c.location
        case .list(let l): l.location
        case .table(let t): t.location
        case .attributed(let b, _): b.location
        }
    }

    /// The block without its attribute list.
    package var unattributed: Block {
        if case .attributed(let block, _) = self { return block.unattributed }
        return self
    }
}
