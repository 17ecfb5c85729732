extension Sheet {
    /// Every link in the sheet's prose and headings, in document order.
    package var links: [Inline.Link] {
        var result: [Inline.Link] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let link):
                    result.append(link)
                    visit(link.children)
                case .emphasis(let children), .strong(let children), .strikethrough(let children): visit(children)
                case .image(_, _, let alt): visit(alt)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines, _), .heading(_, let inlines, _): visit(inlines)
                case .blockQuote(let children, _): visit(children)
                case .list(let list): list.items.forEach(visit)
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(visit)
                case .attributed(let inner, _): visit([inner])
                default: break
                }
            }
        }
        func visit(_ items: [ContentItem]) {
            for case .block(let block) in items { visit([block]) }
        }
        visit(frontMatter.intro)
        visit(intro)
        for section in sections {
            visit(section.title)
            visit(section.items)
            for card in section.cards {
                visit(card.title)
                visit(card.items)
            }
        }
        for footnote in footnotes { visit(footnote.blocks) }
        return result
    }
}
