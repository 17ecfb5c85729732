/// Which of a sheet's snippets cheatgen verifies (`verify:` in `cheatgen.yml` or a sheet's
/// front matter): every language it can run, none (the code is only shown), or some.
package enum VerifySetting: Hashable, Sendable {
    case all
    case none
    /// Canonical language names (`swift`, `python`).
    case languages(Set<String>)

    /// Whether a fenced block of the canonical language `language` is a verified snippet.
    package func verifies(_ language: String) -> Bool {
        switch self {
        case .all: true
        case .none: false
        case .languages(let names): names.contains(language)
        }
    }
}
