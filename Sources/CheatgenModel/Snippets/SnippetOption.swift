/// An attribute word that only the snippet's language reads (`language-mode=5`,
/// `sanitize=thread`), kept as written: the parser checks it with the language's own rules
/// (`LanguageCatalog.Entry.checkOptions`) and the language turns it into settings of its own.
package struct SnippetOption: Hashable, Sendable {
    /// The word before `=`, or the whole word for a flag (`warnings-as-errors`).
    package var key: String
    /// What follows `=`, quotes kept (`"-Onone -g"`); nil for a flag.
    package var value: String?

    package init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }

    /// `key=value`, or `key` alone, as the info string would say it.
    package var written: String {
        value.map { "\(key)=\($0)" } ?? key
    }
}
