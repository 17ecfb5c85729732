import CheatgenModel

/// Joins a page's `swifttest` blocks into the book's tests: a test is every block of the page
/// that names it, in order (the same name on another page is another test). Each becomes a
/// Swift snippet carrying its script (`book-test=NAME`), verified by the Swift language.
struct BookTests {
    /// A block and where on the page it stood.
    struct Placed {
        var block: SwiftTestComments.TestBlock
        var cardAnchor: String?
        var cardTitle: String
        var sectionAnchor: String?
    }

    var placed: [Placed] = []

    /// The tests, numbered from `firstIndex` on among the sheet's snippets.
    func snippets(sheetID: String, path: String, firstIndex: Int, language: String) -> [Snippet] {
        var order: [String] = []
        var byName: [String: (first: Placed, lines: [BookTestScript.Line])] = [:]
        for place in placed {
            for name in place.block.names {
                if byName[name] == nil {
                    order.append(name)
                    byName[name] = (place, [])
                }
                byName[name]!.lines += place.block.lines
            }
        }
        return order.enumerated().map { offset, name in
            let (first, lines) = byName[name]!
            var attributes = SnippetAttributes()
            attributes.id = BookTestScript.snippetID(forTest: name)
            attributes.languageOptions = [SnippetOption(key: BookTestScript.testOption, value: name)]
            let script = BookTestScript(name: name, lines: lines)
            return Snippet(.init(
                sheetID: sheetID, path: path, index: firstIndex + offset,
                cardAnchor: first.cardAnchor, cardTitle: first.cardTitle, sectionAnchor: first.sectionAnchor,
                language: language, attributes: attributes, code: script.encoded,
                location: first.block.location, firstCodeLine: lines.first?.line ?? first.block.location.line + 1,
                naming: .bookTest(name)))
        }
    }
}
