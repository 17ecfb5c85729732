/// A DocC aside: a quote whose first words are `Note:`, `Important:`, `Warning:`, `Tip:`,
/// `Experiment:` or `Deprecated:` is a labelled callout, not a quotation. GitHub's alerts
/// (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`) are read the same way.
package struct Aside: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        case note, important, warning, tip, experiment, deprecated, caution

        /// The label shown on the callout.
        package var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    package var kind: Kind
    /// The quote's blocks with the label taken off the first paragraph.
    package var blocks: [Block]

    /// The aside a quote's blocks make, or nil for an ordinary quote.
    package init?(_ blocks: [Block]) {
        guard case .paragraph(var inlines, let location)? = blocks.first, case .text(var first)? = inlines.first else { return nil }
        // cmark may split a text at brackets (`[`, `!NOTE`, `]`): join the leading run.
        while inlines.count > 1, case .text(let next) = inlines[1] {
            first += next
            inlines.remove(at: 1)
        }
        inlines[0] = .text(first)
        let docc = first.prefix { $0 != ":" }
        var kind: Kind?
        var rest = Substring(first)
        if first.contains(":"), let found = Kind(rawValue: docc.lowercased()), found != .caution, docc.first?.isUppercase == true {
            kind = found
            rest = first.dropFirst(docc.count + 1)
        } else if first.hasPrefix("[!"), let close = first.firstIndex(of: "]"),
                  let found = Kind(rawValue: first[first.index(first.startIndex, offsetBy: 2)..<close].lowercased()),
                  [.note, .tip, .important, .warning, .caution].contains(found) {
            kind = found
            rest = first[first.index(after: close)...]
        }
        guard let kind else { return nil }
        rest = rest.drop { $0 == " " }
        inlines.removeFirst()
        if !rest.isEmpty { inlines.insert(.text(String(rest)), at: 0) }
        // GitHub's marker stands on a line of its own: the break after it goes too.
        while let head = inlines.first, head == .softBreak || head == .lineBreak { inlines.removeFirst() }
        self.kind = kind
        self.blocks = (inlines.isEmpty ? [] : [.paragraph(inlines, location)]) + blocks.dropFirst()
    }
}
