import CheatgenModel

/// The footnotes of one part of a page (a card, a section's preamble, the sheet's intro):
/// numbered in the order that part first refers to them, with ids made unique on the page by
/// a prefix (`<sheet>--<card anchor>--fn-1`; slugs never hold `--`, so no heading has one).
/// Rendering the part's references fills it; `MarkdownHTMLRenderer.renderNotes()` then lists
/// the notes at the part's end, each linked back to every reference.
final class FootnoteNotes {
    private let definitions: [String: Footnote]
    private let idPrefix: String
    /// The keys of the notes referred to, by number - 1.
    private(set) var order: [String] = []
    /// How many references to each note have been rendered.
    private(set) var counts: [String: Int] = [:]

    init(_ footnotes: [Footnote], idPrefix: String) {
        definitions = Dictionary(footnotes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.idPrefix = idPrefix
    }

    /// One more reference to the note `key`: its number and the ids of the reference and the note.
    func refer(to key: String) -> (number: Int, referenceID: String, noteID: String)? {
        guard definitions[key] != nil else { return nil }
        if counts[key] == nil { order.append(key) }
        let count = counts[key, default: 0] + 1
        counts[key] = count
        let number = order.firstIndex(of: key)! + 1
        return (number, referenceID(number: number, occurrence: count), noteID(number: number))
    }

    func definition(_ key: String) -> Footnote? { definitions[key] }

    func noteID(number: Int) -> String { "\(idPrefix)fn-\(number)" }

    func referenceID(number: Int, occurrence: Int) -> String {
        "\(idPrefix)fnref-\(number)" + (occurrence > 1 ? "-\(occurrence)" : "")
    }
}

extension MarkdownHTMLRenderer {
    /// This renderer with notes of its own for one part of a page.
    func withNotes(_ footnotes: [Footnote], idPrefix: String) -> MarkdownHTMLRenderer {
        var renderer = self
        renderer.notes = footnotes.isEmpty ? nil : FootnoteNotes(footnotes, idPrefix: idPrefix)
        return renderer
    }

    /// A footnote reference: a superscript number linked to its note (as cmark-gfm writes it);
    /// without notes to number it, the reference as written.
    func renderReference(_ key: String) -> String {
        guard let notes, let reference = notes.refer(to: key) else { return HTML.escape("[^\(key)]") }
        return "<sup class=\"footnote-ref\"><a href=\"#\(HTML.escape(reference.noteID))\" id=\"\(HTML.escape(reference.referenceID))\" data-footnote-ref>\(reference.number)</a></sup>"
    }

    /// The notes referred to so far, as the list that ends a card; empty when there are none.
    /// A note that refers to another adds it to the list.
    func renderNotes() -> String {
        guard let notes, !notes.order.isEmpty else { return "" }
        var items = ""
        var index = 0
        while index < notes.order.count {
            let key = notes.order[index]
            index += 1
            guard let footnote = notes.definition(key) else { continue }
            let number = index
            let backlinks = (1...max(notes.counts[key] ?? 1, 1)).map { occurrence in
                let mark = occurrence > 1 ? "↩<sup class=\"footnote-ref\">\(occurrence)</sup>" : "↩"
                return "<a href=\"#\(HTML.escape(notes.referenceID(number: number, occurrence: occurrence)))\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to reference \(number)\">\(mark)</a>"
            }.joined(separator: " ")
            var body: String
            if case .paragraph(let inlines, _)? = footnote.blocks.last {
                // The way back sits at the end of the note's last paragraph.
                body = footnote.blocks.dropLast().map { render($0) }.joined()
                body += "<p>\(render(inlines)) \(backlinks)</p>\n"
            } else {
                body = footnote.blocks.map { render($0) }.joined() + backlinks + "\n"
            }
            items += "<li id=\"\(HTML.escape(notes.noteID(number: number)))\">\n\(body)</li>\n"
        }
        return "<section class=\"footnotes\" data-footnotes aria-label=\"Footnotes\">\n<ol>\n\(items)</ol>\n</section>\n"
    }
}
