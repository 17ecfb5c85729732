/// One thing in a card, section preamble or intro: prose, or a snippet with its expectations.
public enum ContentItem: Hashable, Sendable {
    case block(Block)
    case snippet(Snippet)
}
