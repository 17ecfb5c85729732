/// A verified code block: its code, attributes, and what it must print or fail with.
///
/// A snippet is a value, but its fields live in one shared box (copied only when a copy is
/// changed): snippets are held in sheets, in the list being verified and in every result, and
/// an inline struct of this size made each of those arrays cost several hundred bytes per
/// snippet. Fields read and write as if stored here: `snippet.code`, `snippet.endLine = 3`.
@dynamicMemberLookup
public struct Snippet: Hashable, Sendable {
    public struct Fields: Hashable, Sendable {
        public var sheetID: String
        public var path: String
        /// Position among the sheet's snippets, 0-based.
        public var index: Int
        /// The card it belongs to (`nil` in the intro or a section preamble).
        public var cardAnchor: String?
        public var cardTitle: String
        public var sectionAnchor: String?
        public var language: String
        public var attributes: SnippetAttributes
        /// The code exactly as written between the fences, hidden lines included.
        public var code: String
        /// The opening fence.
        public var location: SourceLocation
        /// The file line of the first line of code.
        public var firstCodeLine: Int
        /// The closing fence line (where `bless` inserts an output block).
        public var endLine: Int = 0
        /// Whether the closing fence exists.
        public var isClosed: Bool = true
        /// What it must print (an `output` block), and the errors it must fail with (an `error` block).
        public var expectedOutput: Expectation? {
            get { storedOutput?.value }
            set { storedOutput = newValue.map(Stored.init) }
        }
        public var expectedErrors: Expectation? {
            get { storedErrors?.value }
            set { storedErrors = newValue.map(Stored.init) }
        }
        // Most snippets have one of the two, often neither: a pointer each instead of ~60 bytes.
        var storedOutput: Stored<Expectation>? = nil
        var storedErrors: Stored<Expectation>? = nil

        /// A readable unique name: `sheet/card` (with `#2`… when a card has several snippets).
        public var name: String
        /// A name usable as a Swift module and a target: letters, digits and `_` only, unique in the site.
        public var symbolName: String
    }

    /// A value kept out of line, behind one pointer.
    indirect enum Stored<Value: Hashable & Sendable>: Hashable, Sendable {
        case value(Value)
        init(_ value: Value) { self = .value(value) }
        var value: Value { switch self { case .value(let value): value } }
    }

    private final class Box: @unchecked Sendable {
        // Only ever changed while uniquely referenced (see the setter below), so sharing is safe.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(_ fields: Fields) { box = Box(fields) }

    public var fields: Fields { box.fields }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: keyPath] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: keyPath] = newValue
        }
    }

    public static func == (lhs: Snippet, rhs: Snippet) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The code a reader sees: lines between `// snippet.hide` and `// snippet.show` removed.
    public var visibleCode: String { HiddenLines.visible(box.fields.code) }
}
