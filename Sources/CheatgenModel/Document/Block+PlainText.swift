extension Array where Element == Block {
    /// The words of the blocks without markup, for the search index.
    package var plainText: String {
        map { block in
            switch block {
            case .paragraph(let inlines, _), .heading(_, let inlines, _): inlines.plainText
            case .codeBlock(let code): code.code
            case .blockQuote(let children, _): children.plainText
            case .list(let list): list.items.map(\.plainText).joined(separator: " ")
            case .table(let table): ([table.header] + table.rows).map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: " ")
            case .attributed(let block, _): [block].plainText
            case .thematicBreak, .html, .comment: ""
            }
        }.joined(separator: " ")
    }
}

extension Array where Element == ContentItem {
    /// Prose and visible code, for the search index.
    package var plainText: String {
        map { item in
            switch item {
            case .block(let block): [block].plainText
            case .snippet(let snippet): snippet.visibleCode
            }
        }.joined(separator: " ")
    }
}
