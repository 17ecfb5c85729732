/// Renders prose blocks and inlines to HTML. Raw HTML from the source is shown as text, never
/// passed through; links go through a resolver that rewrites cross-links and drops unsafe ones.
struct MarkdownHTMLRenderer {
    /// Maps a link destination to an `href`, or nil to drop the link and keep its text.
    var resolveLink: (String) -> String?
    /// Highlights a code block's text for its language.
    var highlight: (_ code: String, _ language: String) -> String

    func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined()
    }

    func render(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines, _):
            return "<p>\(render(inlines))</p>\n"
        case .heading(let level, let inlines, _):
            // Sheet headings are sections (h2) and cards (h3); deeper ones sit inside cards.
            let tag = "h\(min(max(level, 4), 6))"
            return "<\(tag)>\(render(inlines))</\(tag)>\n"
        case .codeBlock(let code):
            let language = code.language
            let classes = language.isEmpty ? "code" : "code language-\(HTML.escape(language))"
            return "<pre class=\"\(classes)\"><code>\(highlight(code.code, language))</code></pre>\n"
        case .blockQuote(let children, _):
            return "<blockquote>\n\(render(children))</blockquote>\n"
        case .list(let list):
            let tag = list.isOrdered ? "ol" : "ul"
            let start = list.isOrdered && list.start != 1 ? " start=\"\(list.start)\"" : ""
            let items = list.items.map { item -> String in
                if list.isTight {
                    // Tight lists show paragraphs without <p>, as CommonMark renders them.
                    let inner = item.map { block -> String in
                        if case .paragraph(let inlines, _) = block { return render(inlines) }
                        return render(block)
                    }.joined(separator: "\n")
                    return "<li>\(inner)</li>\n"
                }
                return "<li>\n\(render(item))</li>\n"
            }.joined()
            return "<\(tag)\(start)>\n\(items)</\(tag)>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .html(let raw, _):
            return "<pre class=\"raw-html\"><code>\(HTML.escape(raw))</code></pre>\n"
        }
    }

    func render(_ inlines: [Inline]) -> String {
        inlines.map(render).joined()
    }

    func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return HTML.escape(text)
        case .code(let code): return "<code>\(HTML.escape(code))</code>"
        case .emphasis(let children): return "<em>\(render(children))</em>"
        case .strong(let children): return "<strong>\(render(children))</strong>"
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .html(let raw): return HTML.escape(raw)
        case .link(let link):
            guard let href = resolveLink(link.destination) else { return render(link.children) }
            let title = link.title.isEmpty ? "" : " title=\"\(HTML.escape(link.title))\""
            let external = href.hasPrefix("http://") || href.hasPrefix("https://")
            let rel = external ? " rel=\"noopener\"" : ""
            return "<a href=\"\(HTML.escape(href))\"\(title)\(rel)>\(render(link.children))</a>"
        case .image(let source, let title, let alt):
            guard let src = resolveLink(source) else { return HTML.escape(alt.plainText) }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<img src=\"\(HTML.escape(src))\" alt=\"\(HTML.escape(alt.plainText))\"\(titleAttribute)>"
        }
    }
}
