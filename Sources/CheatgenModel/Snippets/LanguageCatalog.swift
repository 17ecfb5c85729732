/// What reading and showing sheets needs to know of the languages cheatgen verifies — the words
/// their fences start with, how their code is coloured, which attributes each accepts — handed
/// to the parser as a value. The languages build it (`LanguageRegistry.catalog`); nothing below
/// them asks a global.
package struct LanguageCatalog: Sendable {
    /// One language, as the parser and the renderer see it.
    package struct Entry: Sendable {
        /// The name snippets carry (`swift`, `python`).
        package var name: String
        /// Other first words of a fence that mean this language (`py`, `js`).
        package var aliases: [String]
        /// How a reader knows it (`JavaScript`).
        package var displayName: String
        /// Whether its code is coloured by the build's Pygments batch (otherwise by the language).
        package var colouredByPygments: Bool
        /// The attribute keys only this language reads, for error messages (`language-mode=`).
        package var optionKeys: [String]
        /// Its blocks are snippets only when an `output` block follows (`bash`); without one, shown.
        package var verifiedOnlyWithOutput: Bool
        /// Checks this language's own attribute words for a snippet of the given mode; returns
        /// each problem as a sentence for the parser to place at the fence.
        package var checkOptions: @Sendable (_ options: [SnippetOption], _ mode: SnippetAttributes.Mode) -> [String]
        /// Why a block of this language's code is shown plain (highlighting it would take too
        /// long), or nil; the parser warns at the block's fence.
        package var plainReason: @Sendable (_ code: String) -> String?
        /// What starts a comment that runs to the end of the line (`//`, `#`), where an expected
        /// output can be written as `Prints "…"` comments; nil when there is none.
        package var lineComment: String?
        /// Why a block of this language's code is a template to fill in rather than a program
        /// (Swift's `<#placeholder#>`), or nil: such a block is shown, not verified.
        package var templateReason: @Sendable (_ code: String) -> String?
        /// Whether this language takes a fence whose first word names another one, by its code
        /// (a `python` fence whose first line is a `>>> ` prompt is a doctest).
        package var claims: @Sendable (_ word: String, _ code: String) -> Bool

        package init(name: String, aliases: [String] = [], displayName: String, colouredByPygments: Bool,
                    optionKeys: [String] = [], lineComment: String? = nil, verifiedOnlyWithOutput: Bool = false,
                    checkOptions: @escaping @Sendable ([SnippetOption], SnippetAttributes.Mode) -> [String] = { _, _ in [] },
                    plainReason: @escaping @Sendable (String) -> String? = { _ in nil },
                    templateReason: @escaping @Sendable (String) -> String? = { _ in nil },
                    claims: @escaping @Sendable (String, String) -> Bool = { _, _ in false }) {
            self.name = name
            self.aliases = aliases
            self.displayName = displayName
            self.colouredByPygments = colouredByPygments
            self.optionKeys = optionKeys
            self.verifiedOnlyWithOutput = verifiedOnlyWithOutput
            self.checkOptions = checkOptions
            self.plainReason = plainReason
            self.lineComment = lineComment
            self.templateReason = templateReason
            self.claims = claims
        }

        /// Whether `key` is one of this language's own attributes.
        package func accepts(_ key: String) -> Bool {
            optionKeys.contains { $0 == key || $0 == key + "=" }
        }
    }

    /// The languages in the order lists show them (Swift, Python, JavaScript).
    package let entries: [Entry]
    private let byWord: [String: Int]

    package init(_ entries: [Entry]) {
        self.entries = entries
        var words: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for word in [entry.name] + entry.aliases where words[word] == nil { words[word] = index }
        }
        byWord = words
    }

    /// The language a fence's first word (`py`) or a snippet's name (`python`) means.
    package func entry(for word: String) -> Entry? {
        index(of: word).map { entries[$0] }
    }

    /// The position in `entries` of the language `word` means (the order it was registered in).
    package func index(of word: String) -> Int? {
        byWord[word]
    }

    /// The canonical name for a fence's first word, if cheatgen verifies that language.
    package func canonicalName(_ word: String) -> String? {
        entry(for: word)?.name
    }

    /// The canonical name for a fenced block of `code` whose first word is `word`: the language
    /// that claims it by its code, else the one the word names.
    package func canonicalName(_ word: String, code: String) -> String? {
        entries.first { $0.claims(word, code) }?.name ?? canonicalName(word)
    }

    /// Where a language comes in lists that show several side by side; unknown ones last.
    package func rank(of name: String) -> Int {
        entries.firstIndex { $0.name == name } ?? entries.count
    }

    /// Whether code in a fence of `word` goes to Pygments: every language but those that colour
    /// their own (Swift), including languages cheatgen does not run (`bash`, `json`).
    package func colouredByPygments(_ word: String) -> Bool {
        entry(for: word)?.colouredByPygments ?? true
    }

    /// The verified languages' names, sorted, for messages (`javascript, python, swift`).
    package var names: String {
        entries.map(\.name).sorted().joined(separator: ", ")
    }
}

extension LanguageCatalog: Hashable {
    // Two catalogs are the same when they describe the same languages; the option checks are
    // the languages' code, identified by the keys they cover.
    package static func == (lhs: LanguageCatalog, rhs: LanguageCatalog) -> Bool {
        lhs.entries.map(\.identity) == rhs.entries.map(\.identity)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(entries.map(\.identity))
    }
}

extension LanguageCatalog.Entry {
    fileprivate var identity: [String] {
        [name, displayName, String(colouredByPygments), String(verifiedOnlyWithOutput)] + aliases + ["|"] + optionKeys
    }
}
