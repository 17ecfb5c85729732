import CheatgenModel

/// `--filter`: keeps snippets whose sheet id, name or card title contains the text (any case).
package struct SnippetFilter: Sendable {
    package var text: String?

    package init(_ text: String?) { self.text = text }

    package func includes(_ snippet: Snippet) -> Bool {
        guard let text = text?.lowercased(), !text.isEmpty else { return true }
        return snippet.name.lowercased().contains(text) || snippet.cardTitle.lowercased().contains(text)
    }
}
