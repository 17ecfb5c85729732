/// What a sheet's file name may be. The name without `.md` is the sheet's id and its page's
/// file name (`<id>.html`), so it is written into links, the search index and the sitemap:
/// a character that ends or changes a URL there would make a page nobody can reach.
/// Everything else — dots (`v1..v2`), spaces, any script, a leading dash — makes a page.
enum SheetFileName {
    /// Characters that would end or change a link to the page: a fragment, a query, an escape.
    static let breaksLinks: Set<Character> = ["#", "?", "%", "\\"]

    /// Why `id` cannot name a page, or nil when it can.
    static func problem(with id: String) -> String? {
        if let scalar = id.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0 != "\u{200D}" }) {
            return "a sheet's file name cannot contain the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)); rename the file"
        }
        if let character = id.first(where: breaksLinks.contains) {
            return "a sheet's file name cannot contain '\(character)': the links to its page would break there; rename the file"
        }
        return nil
    }

    /// The key under which two ids name the same page on a file system that ignores case
    /// (macOS's and Windows' by default, and most web hosts that serve from them).
    static func caseFolded(_ id: String) -> String {
        id.lowercased()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
