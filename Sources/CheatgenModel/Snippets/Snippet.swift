/// A verified code block: its code, attributes, and what it must print or fail with.
///
/// A snippet is a value, but its fields live in one shared box (copied only when a copy is
/// changed): snippets are held in sheets, in the list being verified and in every result, and
/// an inline struct of this size made each of those arrays cost several hundred bytes per
/// snippet. Fields read and write as if stored here: `snippet.code`, `snippet.endLine = 3`.
@dynamicMemberLookup
package struct Snippet: Hashable, Sendable {
    package struct Fields: Hashable, Sendable {
        package var sheetID: String
        package var path: String
        /// Position among the sheet's snippets, 0-based.
        package var index: Int
        /// The card it belongs to (`nil` in the intro or a section preamble).
        package var cardAnchor: String?
        package var cardTitle: String
        package var sectionAnchor: String?
        package var language: String
        package var attributes: SnippetAttributes {
            get { storedAttributes.value }
            set { storedAttributes = Self.shared(newValue) }
        }
        // Most snippets' attributes are a mode and nothing else (`ignore`, `run`…): those share
        // one copy per mode, behind a pointer, instead of ~90 bytes in every snippet.
        var storedAttributes: Stored<SnippetAttributes>

        private static let modeOnly: [SnippetAttributes: Stored<SnippetAttributes>] = Dictionary(uniqueKeysWithValues:
            [SnippetAttributes.Mode.run, .ignore, .compileOnly, .compileFail, .shouldCrash].map { mode in
                var attributes = SnippetAttributes()
                attributes.mode = mode
                return (attributes, Stored(attributes))
            })

        static func shared(_ attributes: SnippetAttributes) -> Stored<SnippetAttributes> {
            modeOnly[attributes] ?? Stored(attributes)
        }
        /// The code exactly as written between the fences, hidden lines included.
        package var code: String
        /// The opening fence.
        package var location: SourceLocation
        /// The file line of the first line of code.
        package var firstCodeLine: Int
        /// The closing fence line (where `bless` inserts an output block).
        package var endLine: Int = 0
        /// Whether the closing fence exists.
        package var isClosed: Bool = true
        /// What it must print (an `output` block), and the errors it must fail with (an `error` block).
        package var expectedOutput: Expectation? {
            get { storedOutput?.value }
            set { storedOutput = newValue.map(Stored.init) }
        }
        package var expectedErrors: Expectation? {
            get { storedErrors?.value }
            set { storedErrors = newValue.map(Stored.init) }
        }
        // Most snippets have one of the two, often neither: a pointer each instead of ~60 bytes.
        var storedOutput: Stored<Expectation>? = nil
        var storedErrors: Stored<Expectation>? = nil

        /// What its names are made of, spelled by `name` and `symbolName` when asked.
        package var naming: SnippetName
        /// A readable unique name: `sheet/card` (with `#2`… when a card has several snippets).
        package var name: String { naming.name(sheetID: sheetID) }
        /// A name usable as a Swift module and a target: letters, digits and `_` only, unique in the site.
        package var symbolName: String { naming.symbol(sheetID: sheetID) }

        /// A snippet as the parser first sees it: no expected output or errors yet, closed.
        package init(sheetID: String, path: String, index: Int, cardAnchor: String?, cardTitle: String, sectionAnchor: String?, language: String,
                     attributes: SnippetAttributes, code: String, location: SourceLocation, firstCodeLine: Int, naming: SnippetName) {
            self.sheetID = sheetID
            self.path = path
            self.index = index
            self.cardAnchor = cardAnchor
            self.cardTitle = cardTitle
            self.sectionAnchor = sectionAnchor
            self.language = language
            self.storedAttributes = Self.shared(attributes)
            self.code = code
            self.location = location
            self.firstCodeLine = firstCodeLine
            self.naming = naming
        }
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

    package init(_ fields: Fields) { box = Box(fields) }

    package var fields: Fields { box.fields }

    package subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value {
        box.fields[keyPath: keyPath]
    }

    package subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: keyPath] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: keyPath] = newValue
        }
    }

    package static func == (lhs: Snippet, rhs: Snippet) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }
    package func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The code a reader sees: lines between `// snippet.hide` and `// snippet.show` removed.
    package var visibleCode: String { HiddenLines.visible(box.fields.code) }
}
