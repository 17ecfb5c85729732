/// The program actually compiled or run for a snippet: the declarations it `uses=`, then its
/// own code (hidden lines included), with a way back to the Markdown lines — `#sourceLocation`
/// lines inside Swift's text, a line map for the others.
package struct EffectiveSource: Hashable, Sendable {
    package var text: String
    /// Whether it must be compiled as a library file (`@main` instead of top-level code).
    package var isLibrary: Bool
    /// For languages without `#sourceLocation`: the Markdown line of each line of `text`.
    package var lineMap: [Int] = []
    /// In a session (`listings: cumulative`): the line the program prints between what the
    /// snippets before it print and what the snippet itself prints.
    package var sessionMarker: String? = nil

    /// The memberwise initializer, for the layers above (Swift's own is internal).
    package init(text: String, isLibrary: Bool, lineMap: [Int] = []) {
        self.text = text
        self.isLibrary = isLibrary
        self.lineMap = lineMap
    }
}
