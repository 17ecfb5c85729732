/// `--filter`: keeps snippets whose sheet id, name or card title contains the text (any case).
public struct SnippetFilter: Sendable {
    public var text: String?

    public init(_ text: String?) { self.text = text }

    public func includes(_ snippet: Snippet) -> Bool {
        guard let text = text?.lowercased(), !text.isEmpty else { return true }
        return snippet.name.lowercased().contains(text) || snippet.cardTitle.lowercased().contains(text)
    }
}
