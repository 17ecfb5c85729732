/// One thing in a card, section preamble or intro: prose, or a snippet with its expectations.
package enum ContentItem: Hashable, Sendable {
    case block(Block)
    case snippet(Snippet)
}
