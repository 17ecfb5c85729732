/// The program actually compiled or run for a snippet: the declarations it `uses=`, then its
/// own code (hidden lines included), with a way back to the Markdown lines — `#sourceLocation`
/// lines inside Swift's text, a line map for the others.
public struct EffectiveSource: Hashable, Sendable {
    public var text: String
    /// Whether it must be compiled as a library file (`@main` instead of top-level code).
    public var isLibrary: Bool
    /// For languages without `#sourceLocation`: the Markdown line of each line of `text`.
    public var lineMap: [Int] = []
}
