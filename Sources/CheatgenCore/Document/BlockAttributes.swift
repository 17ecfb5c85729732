/// What a kramdown attribute list (`{: .-prime #my-id data-line="2"}`) says about the block,
/// section or card it follows: an anchor, CSS classes and other attributes, in written order.
public struct BlockAttributes: Hashable, Sendable {
    /// `#name` or `id="name"`: the element's anchor.
    public var id: String?
    /// `.name` (also `.a.b`): CSS classes, without the dot.
    public var classes: [String] = []
    /// `key="value"` pairs other than `id` (`data-line="2"`), kept on the element.
    public var pairs: [Pair] = []

    public struct Pair: Hashable, Sendable {
        public var key: String
        public var value: String
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

    /// Later attributes add to earlier ones; a later id wins.
    public mutating func merge(_ other: BlockAttributes) {
        if let id = other.id { self.id = id }
        for name in other.classes where !classes.contains(name) { classes.append(name) }
        pairs.append(contentsOf: other.pairs)
    }

    public func hasClass(_ name: String) -> Bool { classes.contains(name) }
}
