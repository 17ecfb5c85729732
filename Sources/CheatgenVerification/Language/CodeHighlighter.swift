/// How a language's code is coloured.
package enum CodeHighlighter: Sendable {
    /// By Pygments, with the lexer of the language's name, in the build's one batch.
    case pygments
    /// By the language itself, as each page renders: code in, HTML out.
    case own(@Sendable (String) -> String)
}

extension CodeHighlighter {
    /// Whether the build's Pygments batch must see code highlighted this way.
    package var needsPygments: Bool {
        if case .pygments = self { true } else { false }
    }
}
