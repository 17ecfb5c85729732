/// A short name for a snippet's code that does not change when lines are added above it: the
/// first 8 hex digits of a SHA-256 of its language and its code (hidden lines included). The
/// known-failures list names a snippet by its page and this, so an entry follows the snippet
/// as the page around it changes, and an edited snippet is a new one.
///
/// A test of the Swift book travels as a script whose lines carry their Markdown line numbers
/// (`BookTestScript.encoded`); those are left out, so a test moved down the page keeps its name.
package enum SnippetFingerprint {
    /// How many hex digits a fingerprint has.
    package static let length = 8

    package static func of(_ snippet: Snippet) -> String {
        let code = snippet.bookTestScript.map(withoutLineNumbers) ?? snippet.code
        return String(Hashing.key(["snippet-fingerprint-v1", snippet.language, code]).prefix(length))
    }

    /// Whether `text` reads as a fingerprint: `length` lowercase hex digits.
    package static func isValid(_ text: some StringProtocol) -> Bool {
        text.count == length && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    private static func withoutLineNumbers(_ script: BookTestScript) -> String {
        script.lines.map { "\($0.marker.rawValue) \($0.text)\n" }.joined() + "test \(script.name)"
    }
}
