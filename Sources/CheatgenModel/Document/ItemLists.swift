/// Every list of items of a sheet, in reading order — the intro's, then each section's and each
/// of its cards' — for a pass over the parsed sheet that changes items in place.
package enum ItemLists {
    package static func update(intro: inout [ContentItem], sections: inout [Section], _ body: (inout [ContentItem]) -> Void) {
        body(&intro)
        for s in sections.indices {
            body(&sections[s].items)
            for c in sections[s].cards.indices { body(&sections[s].cards[c].items) }
        }
    }
}
