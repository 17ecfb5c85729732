/// What a kramdown attribute list (`{: .-prime #my-id data-line="2"}`) says about the block,
/// section or card it follows: an anchor, CSS classes and other attributes, in written order.
package struct BlockAttributes: Hashable, Sendable {
    /// `#name` or `id="name"`: the element's anchor.
    package var id: String?
    /// `.name` (also `.a.b`): CSS classes, without the dot.
    package var classes: [String] = []
    /// `key="value"` pairs other than `id` (`data-line="2"`), kept on the element.
    package var pairs: [Pair] = []

    package struct Pair: Hashable, Sendable {
        package var key: String
        package var value: String

        /// The memberwise initializer, for the layers above (Swift's own is internal).
        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    package init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    package var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

    /// Later attributes add to earlier ones; a later id wins.
    package mutating func merge(_ other: BlockAttributes) {
        if let id = other.id { self.id = id }
        for name in other.classes where !classes.contains(name) { classes.append(name) }
        pairs.append(contentsOf: other.pairs)
    }

    package func hasClass(_ name: String) -> Bool { classes.contains(name) }
}
