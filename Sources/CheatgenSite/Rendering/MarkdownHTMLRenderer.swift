import CheatgenModel
import CheatgenParsing

/// Renders prose blocks and inlines to HTML. Raw HTML from the source is shown as text, never
/// passed through; links go through a resolver that rewrites cross-links and drops unsafe ones.
struct MarkdownHTMLRenderer {
    /// Maps a link destination to an `href`, or nil to drop the link and keep its text.
    var resolveLink: (String) -> String?
    /// Highlights a code block's text for its language.
    var highlight: (_ code: String, _ language: String) -> String
    /// The text of a link written as its own address (`<doc:Page>`), when the address names
    /// something with a title: DocC shows the page's or heading's title.
    var linkTitle: (String) -> String? = { _ in nil }
    /// The footnotes of the part of the page being rendered (see `withNotes`).
    var notes: FootnoteNotes?

    init(resolveLink: @escaping (String) -> String?, highlight: @escaping (_ code: String, _ language: String) -> String,
         linkTitle: @escaping (String) -> String? = { _ in nil }) {
        self.resolveLink = resolveLink
        self.highlight = highlight
        self.linkTitle = linkTitle
    }

    func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined()
    }

    func render(_ block: Block) -> String {
        render(block, attributes: BlockAttributes())
    }

    /// The HTML attributes of a kramdown attribute list (`{: .-setup data-line="2"}`), with a
    /// leading space; `base` classes come first.
    static func htmlAttributes(_ attributes: BlockAttributes, classes base: [String] = [], includeID: Bool = true) -> String {
        var html = ""
        if includeID, let id = attributes.id { html += " id=\"\(HTML.escape(id))\"" }
        let classes = base + attributes.classes
        if !classes.isEmpty { html += " class=\"\(HTML.escape(classes.joined(separator: " ")))\"" }
        for pair in attributes.pairs where pair.key.hasPrefix("data-") || pair.key == "title" || pair.key == "lang" {
            html += " \(HTML.escape(pair.key))=\"\(HTML.escape(pair.value))\""
        }
        return html
    }

    func render(_ block: Block, attributes: BlockAttributes) -> String {
        let extra = Self.htmlAttributes(attributes)
        switch block {
        case .attributed(let inner, let more):
            var merged = attributes
            merged.merge(more)
            return render(inner, attributes: merged)
        case .paragraph(let inlines, _):
            return "<p\(extra)>\(render(inlines))</p>\n"
        case .heading(let level, let inlines, _):
            // Sheet headings are sections (h2) and cards (h3); deeper ones sit inside cards.
            let tag = "h\(min(max(level, 4), 6))"
            return "<\(tag)\(extra)>\(render(inlines))</\(tag)>\n"
        case .codeBlock(let code):
            let language = code.language
            let classes = ["code"] + (language.isEmpty ? [] : ["language-\(language)"])
            return "<pre\(Self.htmlAttributes(attributes, classes: classes))><code>\(highlight(code.code, language))</code></pre>\n"
        case .blockQuote(let children, _):
            if let aside = Aside(children) {
                let kind = aside.kind.rawValue
                return "<aside\(Self.htmlAttributes(attributes, classes: ["aside", "aside-\(kind)"])) aria-label=\"\(aside.kind.label)\">\n"
                    + "<p class=\"aside-label\">\(aside.kind.label)</p>\n\(render(aside.blocks))</aside>\n"
            }
            return "<blockquote\(extra)>\n\(render(children))</blockquote>\n"
        case .list(let list):
            let tag = list.isOrdered ? "ol" : "ul"
            let start = list.isOrdered && list.start != 1 ? " start=\"\(list.start)\"" : ""
            let items = list.items.enumerated().map { index, item -> String in
                // A task item's box comes first, disabled: the page shows the state, it keeps none.
                let box = list.checkbox(at: index)
                let open = box.map { "<li class=\"task-list-item\"><input type=\"checkbox\"\($0 ? " checked" : "") disabled> " } ?? "<li>"
                if list.isTight {
                    // Tight lists show paragraphs without <p>, as CommonMark renders them.
                    let inner = item.map { block -> String in
                        if case .paragraph(let inlines, _) = block { return render(inlines) }
                        return render(block)
                    }.joined(separator: "\n")
                    return "\(open)\(inner)</li>\n"
                }
                return "\(open)\n\(render(item))</li>\n"
            }.joined()
            let listAttributes = Self.htmlAttributes(attributes, classes: list.checkboxes.isEmpty ? [] : ["contains-task-list"])
            return "<\(tag)\(start)\(listAttributes)>\n\(items)</\(tag)>\n"
        case .thematicBreak:
            return "<hr\(extra)>\n"
        case .html(let raw, _):
            return "<pre class=\"raw-html\"><code>\(HTML.escape(raw))</code></pre>\n"
        case .comment:
            return ""
        case .table(let table):
            return render(table, attributes: attributes)
        }
    }

    /// A pipe table in a wrapper that scrolls sideways on narrow screens (focusable, so a
    /// keyboard can scroll it too); alignment by class, not inline style.
    func render(_ table: Table, attributes: BlockAttributes) -> String {
        func cell(_ tag: String, _ inlines: [Inline], _ alignment: Table.Alignment) -> String {
            let align = alignment == .none ? "" : " class=\"align-\(alignment.rawValue)\""
            return "<\(tag)\(align)>\(render(inlines))</\(tag)>"
        }
        var html = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">"
        html += "<table\(Self.htmlAttributes(attributes))>\n<thead>\n<tr>"
        for (index, header) in table.header.enumerated() {
            html += cell("th", header, table.alignments[index])
        }
        html += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n"
            for row in table.rows {
                if Self.isRule(row) {
                    // `| --- | --- |` in the body: cheatsheets use it to group rows.
                    html += "<tr class=\"table-rule\" aria-hidden=\"true\"><td colspan=\"\(row.count)\"></td></tr>\n"
                    continue
                }
                html += "<tr>" + row.enumerated().map { cell("td", $1, table.alignments[$0]) }.joined() + "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table></div>\n"
    }

    /// A body row whose every cell is a run of dashes.
    static func isRule(_ row: [[Inline]]) -> Bool {
        row.allSatisfy { cell in
            let text = cell.plainText.trimmedSlice(of: " \t")
            return !text.isEmpty && text.allSatisfy { $0 == "-" }
        }
    }

    func render(_ inlines: [Inline]) -> String {
        let kept = InlineHTML.kept(inlines)
        guard kept.contains(true) else { return inlines.map(render).joined() }
        return zip(inlines, kept).map { inline, keep in
            guard keep, case .html(let raw) = inline, let tag = InlineHTML.tag(raw) else { return render(inline) }
            switch tag {
            case .lineBreak: return "<br>"
            case .open(let name): return "<\(name)>"
            case .close(let name): return "</\(name)>"
            }
        }.joined()
    }

    func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return HTML.escape(text)
        case .code(let code): return "<code>\(HTML.escape(code))</code>"
        case .emphasis(let children): return "<em>\(render(children))</em>"
        case .strong(let children): return "<strong>\(render(children))</strong>"
        case .strikethrough(let children): return "<del>\(render(children))</del>"
        case .footnoteReference(let key): return renderReference(key)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .html(let raw): return HTML.escape(raw)
        case .link(let link):
            guard let href = resolveLink(link.destination) else { return render(link.children) }
            let title = link.title.isEmpty ? "" : " title=\"\(HTML.escape(link.title))\""
            let external = href.hasPrefix("http://") || href.hasPrefix("https://")
            let rel = external ? " rel=\"noopener\"" : ""
            // A link that shows its own address (`https://…`, `www.…`, an e-mail address) is a
            // `url`: print does not repeat the address after it.
            // A DocC link written as its own address (`<doc:Page>`) shows the title it names.
            let plain = link.children.plainText
            var text = render(link.children)
            var bare = [plain, "http://" + plain, "mailto:" + plain].contains(link.destination)
            if link.children == [.text(link.destination)], let named = linkTitle(link.destination) {
                text = HTML.escape(named)
                bare = false
            }
            let kind = bare ? " class=\"url\"" : ""
            return "<a href=\"\(HTML.escape(href))\"\(kind)\(title)\(rel)>\(text)</a>"
        case .image(let source, let title, let alt):
            guard let src = resolveLink(source) else { return HTML.escape(alt.plainText) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<img src=\"\(HTML.escape(src))\" alt=\"\(HTML.escape(alt.plainText))\"\(titleAttribute)>"
        }
    }
}
