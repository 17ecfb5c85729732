import CheatgenModel

/// An interpreter's error, read back to the Markdown.
package struct ScriptFailure: Sendable {
    /// The whole error text, with the script's file and lines replaced by the Markdown's.
    var rewritten: String
    /// The innermost place in the snippet the error names, if it names one.
    var location: SourceLocation?

    /// One line that says what it was: `ValueError: boom`, `SyntaxError: Unexpected token '}'`.
    var summary: String
    /// The verb for an uncaught error in the message `snippet <verb> <summary>`: `raised`, `threw`.
    var verb: String

    package init(rewritten: String, location: SourceLocation?, summary: String, verb: String) {
        self.rewritten = rewritten
        self.location = location
        self.summary = summary
        self.verb = verb
    }
}
