/// Who is whose twin, both ways: a twin declared in one sheet's front matter shows on both pages.
struct TwinIndex {
    struct Pair: Hashable {
        var sheet: String
        var anchor: String
        var otherSheet: String
        var otherAnchor: String
    }

    /// Pairs seen from each side, in declaration order.
    private(set) var pairs: [Pair] = []

    init(_ sheets: [Sheet]) {
        var seen: Set<Pair> = []
        let ids = Set(sheets.map(\.id))
        for sheet in sheets.sorted(by: { $0.id < $1.id }) {
            for twin in sheet.frontMatter.twins where ids.contains(twin.otherSheet) {
                let forward = Pair(sheet: sheet.id, anchor: twin.anchor, otherSheet: twin.otherSheet, otherAnchor: twin.otherAnchor)
                let backward = Pair(sheet: twin.otherSheet, anchor: twin.otherAnchor, otherSheet: sheet.id, otherAnchor: twin.anchor)
                for pair in [forward, backward] where seen.insert(pair).inserted { pairs.append(pair) }
            }
        }
    }

    func twins(of sheet: String, anchor: String) -> [Pair] {
        pairs.filter { $0.sheet == sheet && $0.anchor == anchor }
    }

    /// Sheet-id pairs (alphabetical) that have at least one twin: one comparison page each.
    var sheetPairs: [(String, String)] {
        var result: [String: (String, String)] = [:]
        for pair in pairs {
            let (a, b) = pair.sheet < pair.otherSheet ? (pair.sheet, pair.otherSheet) : (pair.otherSheet, pair.sheet)
            result["\(a)--\(b)"] = (a, b)
        }
        return result.keys.sorted().map { result[$0]! }
    }

    static func comparePath(_ a: String, _ b: String) -> String { "compare/\(a)--\(b).html" }
}
