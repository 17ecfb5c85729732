import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// The languages cheatgen verifies, registered once. A fence whose first word names one of
/// them (or one of its aliases) is a snippet; everything else about a language is asked of it.
package enum LanguageRegistry {
    package static let all: [any Language] = [SwiftLanguage(), PythonLanguage(), DoctestLanguage(), JavaScriptLanguage(), ShellSessionLanguage(), BashLanguage()]

    /// What the parser, the configuration and the renderer are told of the languages.
    package static let catalog = LanguageCatalog(all.map(\.catalogEntry))

    /// The language a snippet carries (`swift`) or a fence's first word names (`py`, `js`):
    /// looked up in the catalog, whose entries are `all`'s, in the same order.
    package static func language(_ word: String) -> (any Language)? {
        catalog.index(of: word).map { all[$0] }
    }

    /// The canonical name for a fence's first word, if cheatgen verifies that language.
    static func canonicalName(_ word: String) -> String? {
        catalog.canonicalName(word)
    }

    /// Where a language comes in lists that show several side by side (registration order:
    /// Swift, Python, JavaScript); an unknown one after them all.
    package static func rank(of name: String) -> Int {
        catalog.rank(of: name)
    }

    /// How code in a fence of `word` is coloured: by its language when registered, else by
    /// Pygments (which knows most languages by their usual names).
    package static func highlighter(for word: String) -> CodeHighlighter {
        language(word)?.highlighter ?? .pygments
    }
}

extension LanguageRegistry {
    /// The program verification would compile or run for `snippet` (its `uses=` resolved
    /// against `named`); nil for a language cheatgen does not verify. For the fuzzer and tools.
    package static func program(for snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>? {
        language(snippet.language)?.prepare(snippet, named: named)
    }
}
