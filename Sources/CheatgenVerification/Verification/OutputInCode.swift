/// What `bless` does for a snippet whose expected output is written in its own code (a
/// doctest's examples) rather than in an `output` block, as its language found out by running it.
package enum OutputInCode: Sendable, Hashable {
    /// Replace these lines of the snippet's code (none: everything already matches).
    case rewrite([LineReplacement])
    /// The run does not say what to write, and why (a block doctest cannot read).
    case cannotRewrite(String)
}

/// Lines of a Markdown file to write anew.
package struct LineReplacement: Sendable, Hashable {
    /// The Markdown lines replaced (1-based, the end excluded); an empty range inserts the text
    /// before its start.
    package var lines: Range<Int>
    /// The new lines, joined by `\n`, without the fence's indentation (bless adds it); empty
    /// removes the lines.
    package var text: String

    package init(lines: Range<Int>, text: String) {
        self.lines = lines
        self.text = text
    }
}
