/// What a Markdown link points at, from the site's point of view.
package enum LinkTarget: Hashable, Sendable {
    /// Another sheet (`other.md`, `other.md#card`), or this one (`#card`, sheet nil).
    case sheet(id: String?, anchor: String?)
    /// An address outside the site, left as written.
    case external(String)
    /// A scheme that runs code or smuggles content (`javascript:`, `vbscript:`, `data:`): dropped.
    case unsafe
    /// A DocC link to a page or one of its headings (`<doc:Page#Heading-Name>`).
    case doc(DocCLink)

    /// `isSheet` tells whether a sheet has the given id: a link written for a Jekyll site
    /// (`./react`, `react`, `/react`, `react.html`) goes to that sheet when there is one.
    package init(_ destination: String, isSheet: (String) -> Bool = { _ in false }) {
        let trimmed = destination.trimmed(of: " \t\n")
        // Browsers ignore control characters and case in schemes; so must we.
        let scheme = String(trimmed.unicodeScalars.filter { $0.value > 0x20 }.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        let hasScheme = trimmed.unicodeScalars.filter { $0.value > 0x20 }.dropFirst(scheme.unicodeScalars.count).first == ":"
        if hasScheme, let link = DocCLink(trimmed) {
            self = .doc(link)
            return
        }
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
        } else if let id = Self.sheetName(file, isSheet: isSheet) {
            self = .sheet(id: id, anchor: parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
        } else {
            self = .external(trimmed)
        }
    }

    /// The sheet a one-segment path names (`./react`, `/react`, `react.html`), if it exists.
    private static func sheetName(_ file: String, isSheet: (String) -> Bool) -> String? {
        var name = Substring(file)
        if name.hasPrefix("./") { name = name.dropFirst(2) } else if name.hasPrefix("/") { name = name.dropFirst() }
        guard !name.isEmpty, !name.contains("/"), !name.contains("?") else { return nil }
        var candidates = [String(name)]
        for suffix in [".html", ".md"] where name.hasSuffix(suffix) { candidates.append(String(name.dropLast(suffix.count))) }
        return candidates.first(where: isSheet)
    }
}
