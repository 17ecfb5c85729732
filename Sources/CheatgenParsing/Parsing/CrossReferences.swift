import CheatgenModel

/// Checks what sheets say about each other: `related:` ids and links to sheets and anchors.
package enum CrossReferences {
    /// Checks `sheets`; `neighbours` are sheets that were not selected but can be linked to
    /// (the siblings of a single file given on the command line).
    package static func check(_ sheets: [SheetOutline], neighbours: [SheetOutline] = []) -> [Diagnostic] {
        let byID = Dictionary((sheets + neighbours).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // `Sheet.anchors` builds a set; build each sheet's once, not once per link.
        let anchors = byID.mapValues(\.anchors)
        var diagnostics: [Diagnostic] = []
        for sheet in sheets {
            for (id, location) in zip(sheet.frontMatter.related, sheet.frontMatter.relatedLocations) where byID[id] == nil {
                diagnostics.append(.error(.unresolvedRelated, "related sheet '\(id)' does not exist (no \(id).md next to this sheet)", at: location))
            }
            for twin in sheet.frontMatter.twins {
                if anchors[sheet.id]?.contains(twin.anchor) != true {
                    diagnostics.append(.error(.unresolvedTwin, "twin '\(twin.anchor)': this sheet has no section or card with that anchor", at: twin.location))
                }
                guard let other = byID[twin.otherSheet] else {
                    diagnostics.append(.error(.unresolvedTwin, "twin sheet '\(twin.otherSheet)' does not exist", at: twin.location))
                    continue
                }
                if anchors[other.id]?.contains(twin.otherAnchor) != true {
                    diagnostics.append(.error(.unresolvedTwin, "twin '\(twin.anchor)': sheet '\(other.id)' has no section or card with anchor '#\(twin.otherAnchor)'", at: twin.location))
                }
            }
            for link in sheet.links {
                let target = LinkTarget(link.destination, isSheet: { byID[$0] != nil })
                if case .doc(let doc) = target {
                    switch doc.resolve({ byID[$0] }) {
                    case .found: break
                    case .noPage:
                        diagnostics.append(.error(.unresolvedLink, "link to '\(link.destination)': there is no page '\(doc.page)' (no \(doc.page).md among the pages)", at: link.location))
                    case .noHeading(let page):
                        diagnostics.append(.error(.unresolvedLink, "link to '\(link.destination)': page '\(page.id)' has no heading '\(doc.heading ?? "")' (a heading's title as DocC writes it, such as 'Some-Heading')", at: link.location))
                    }
                    continue
                }
                guard case .sheet(let id, let anchor) = target else { continue }
                guard let target = id.map({ byID[$0] }) ?? sheet else {
                    diagnostics.append(.error(.unresolvedLink, "link to '\(link.destination)': there is no sheet '\(id!)'", at: link.location))
                    continue
                }
                if let anchor, (anchors[target.id] ?? target.anchors).contains(anchor) == false {
                    diagnostics.append(.error(.unresolvedLink, "link to '\(link.destination)': sheet '\(target.id)' has no section or card with anchor '#\(anchor)'", at: link.location))
                }
            }
        }
        return diagnostics
    }
}
