/// What a Markdown link points at, from the site's point of view.
public enum LinkTarget: Hashable, Sendable {
    /// Another sheet (`other.md`, `other.md#card`), or this one (`#card`, sheet nil).
    case sheet(id: String?, anchor: String?)
    /// An address outside the site, left as written.
    case external(String)
    /// A scheme that runs code or smuggles content (`javascript:`, `vbscript:`, `data:`): dropped.
    case unsafe

    public init(_ destination: String) {
        let trimmed = destination.trimmed(of: " \t\n")
        // Browsers ignore control characters and case in schemes; so must we.
        let scheme = String(trimmed.unicodeScalars.filter { $0.value > 0x20 }.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        let hasScheme = trimmed.unicodeScalars.filter { $0.value > 0x20 }.dropFirst(scheme.unicodeScalars.count).first == ":"
        if hasScheme {
            self = ["javascript", "vbscript", "data"].contains(scheme) ? .unsafe : .external(trimmed)
            return
        }
        if trimmed.hasPrefix("#") {
            self = .sheet(id: nil, anchor: String(trimmed.dropFirst()))
            return
        }
        let parts = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        if file.hasSuffix(".md"), !file.hasPrefix("/") {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let anchor = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
            self = .sheet(id: String(name.dropLast(3)), anchor: anchor)
        } else {
            self = .external(trimmed)
        }
    }
}
