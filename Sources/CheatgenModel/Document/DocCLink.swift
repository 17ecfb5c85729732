/// A DocC link, `<doc:Page>` or `<doc:Page#Heading-Name>`: a page by its file name, and a
/// heading of it by its title written as DocC writes fragments (`DocCLink.fragment`).
package struct DocCLink: Hashable, Sendable {
    /// The page's name: the last part of the path (`doc:Guide/Basics` is `Basics`).
    package var page: String
    /// The folders before it, when the link names some (`Guide`), which tell two pages of
    /// one name apart.
    package var folders: [String]
    /// The heading part after `#`, as written.
    package var heading: String?

    /// `doc:Page`, `doc:Folder/Page#Heading`, `doc://bundle/documentation/Bundle/Page`; nil
    /// for anything else.
    package init?(_ destination: String) {
        guard destination.lowercased().hasPrefix("doc:") else { return nil }
        var rest = Substring(destination.dropFirst(4))
        if rest.hasPrefix("//") {
            // `doc://bundle.id/documentation/Module/Page`: the bundle and the root say nothing here.
            rest = rest.dropFirst(2).drop { $0 != "/" }
        }
        let parts = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = parts[0].split(separator: "/").map(String.init)
        if path.first == "documentation" || path.first == "tutorials" { path.removeFirst() }
        guard let page = path.popLast(), !page.isEmpty else { return nil }
        self.page = page
        self.folders = path
        self.heading = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
    }

    /// A heading's title as a fragment the way swift-docc makes one: white space trimmed,
    /// each run of spaces and dashes (hyphen, en dash, em dash) one `-`, then punctuation and
    /// backticks removed (hyphens kept); letters keep their case. `Optional Binding` is
    /// `Optional-Binding`; `In-Out Parameters` is `In-Out-Parameters`.
    package static func fragment(_ title: String) -> String {
        let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]
        var words: [String] = []
        var word = ""
        for scalar in title.unicodeScalars {
            if scalar.properties.isWhitespace || dashes.contains(scalar) {
                if !word.isEmpty { words.append(word); word = "" }
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { words.append(word) }
        var result = ""
        for scalar in words.joined(separator: "-").unicodeScalars where scalar == "-" || !isPunctuation(scalar) {
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "`" { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}

extension SheetStructure {
    /// The anchor of the section or card whose title DocC would link as `heading`.
    package func anchor(forDocCHeading heading: String) -> String? {
        let wanted = DocCLink.fragment(heading)
        for section in sections {
            if !section.isUntitled, DocCLink.fragment(section.title.plainText) == wanted { return section.anchor }
            if let card = section.cards.first(where: { DocCLink.fragment($0.title.plainText) == wanted }) { return card.anchor }
        }
        // A deeper heading (`####`), after every section and card: those are what DocC finds first.
        for section in sections {
            for sub in section.subheadings + section.cards.flatMap(\.subheadings) where DocCLink.fragment(sub.title) == wanted {
                return sub.anchor
            }
        }
        return nil
    }

    /// The title of the section or card with `anchor`.
    package func title(ofAnchor anchor: String) -> String? {
        for section in sections {
            if section.anchor == anchor { return section.title.plainText }
            if let card = section.cards.first(where: { $0.anchor == anchor }) { return card.title.plainText }
            if let sub = (section.subheadings + section.cards.flatMap(\.subheadings)).first(where: { $0.anchor == anchor }) { return sub.title }
        }
        return nil
    }
}

extension DocCLink {
    /// Ids the page may have: with its folders (`Guide-Basics`, the id a page gets when another
    /// page has its name) when the link names them, then its name alone.
    package var candidateIDs: [String] {
        folders.isEmpty ? [page] : [(folders + [page]).joined(separator: "-"), page]
    }

    /// Where a DocC link goes among the pages `lookup` knows.
    package enum Resolution<Page> {
        case found(Page, anchor: String?)
        case noPage
        case noHeading(Page)
    }

    package func resolve<Page: SheetStructure>(_ lookup: (String) -> Page?) -> Resolution<Page> {
        guard let target = candidateIDs.lazy.compactMap(lookup).first else { return .noPage }
        guard let heading else { return .found(target, anchor: nil) }
        guard let anchor = target.anchor(forDocCHeading: heading) else { return .noHeading(target) }
        return .found(target, anchor: anchor)
    }
}
