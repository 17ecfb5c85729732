/// How a page's snippets run (`listings:` in `cheatgen.yml`, or in a sheet's front matter,
/// which wins): each as its own program, or one after another as a book reads them.
package enum Listings: String, Hashable, Sendable, CaseIterable {
    /// Every snippet is a program of its own (the default).
    case separate
    /// Each snippet runs after the snippets before it on its page: their declarations are
    /// visible, their statements have run, and only what the snippet itself prints is compared.
    case cumulative
}
