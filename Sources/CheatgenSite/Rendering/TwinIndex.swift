import CheatgenModel
import CheatgenVerification
import CheatgenLanguages

/// Who is whose twin, both ways: a twin declared in one sheet's front matter shows on both pages.
struct TwinIndex {
    struct Pair: Hashable {
        var sheet: String
        var anchor: String
        var otherSheet: String
        var otherAnchor: String
    }

    /// A card (or a section) of a sheet.
    struct Place: Hashable {
        var sheet: String
        var anchor: String
    }

    /// Sheets linked by twins, directly or through each other: one comparison page. `sheets`
    /// are in id order (the page's path), `columns` in the page's order (`columnOrder`); each
    /// row is a group of twin cards, linked directly or through each other, in the order their
    /// first twin was declared.
    struct Group {
        var sheets: [String]
        var rows: [[Place]]
        var columns: [String] = []

        var path: String { TwinIndex.comparePath(sheets) }

        /// In a group of more than two, the paths the pages of its twinned pairs of sheets had
        /// when every page compared two: they now lead to this page, so old links still work.
        var formerPaths: [String] = []
    }

    /// Pairs seen from each side, in declaration order.
    private(set) var pairs: [Pair] = []
    /// The comparison pages, in the order of their paths.
    private(set) var groups: [Group] = []
    private var pairsByPlace: [Place: [Pair]] = [:]
    private var groupBySheet: [String: Int] = [:]

    init(_ sheets: [SheetOutline]) {
        var seen: Set<Pair> = []
        let ids = Set(sheets.map(\.id))
        for sheet in sheets.sorted(by: { $0.id < $1.id }) {
            for twin in sheet.frontMatter.twins where ids.contains(twin.otherSheet) {
                let forward = Pair(sheet: sheet.id, anchor: twin.anchor, otherSheet: twin.otherSheet, otherAnchor: twin.otherAnchor)
                let backward = Pair(sheet: twin.otherSheet, anchor: twin.otherAnchor, otherSheet: sheet.id, otherAnchor: twin.anchor)
                for pair in [forward, backward] where seen.insert(pair).inserted { pairs.append(pair) }
            }
        }
        for pair in pairs { pairsByPlace[Place(sheet: pair.sheet, anchor: pair.anchor), default: []].append(pair) }
        groups = Self.groups(of: pairs)
        let byID = Dictionary(sheets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in groups.indices {
            groups[index].columns = Self.columnOrder(groups[index].sheets.compactMap { byID[$0] }).map(\.id)
        }
        for (index, group) in groups.enumerated() {
            for sheet in group.sheets { groupBySheet[sheet] = index }
        }
    }

    func twins(of sheet: String, anchor: String) -> [Pair] {
        pairsByPlace[Place(sheet: sheet, anchor: anchor)] ?? []
    }

    /// The comparison page a sheet is on, if it has twins.
    func group(of sheet: String) -> Group? {
        groupBySheet[sheet].map { groups[$0] }
    }

    /// The columns of a comparison page: by the language most of each sheet's snippets are in,
    /// in the registry's order (Swift · Python · JavaScript), then by id; sheets without
    /// snippets last.
    private static func columnOrder(_ sheets: [SheetOutline]) -> [SheetOutline] {
        func rank(_ sheet: SheetOutline) -> Int {
            let counts = Dictionary(grouping: sheet.snippets, by: \.language).mapValues(\.count)
            guard let most = counts.max(by: { ($0.value, LanguageRegistry.rank(of: $1.key)) < ($1.value, LanguageRegistry.rank(of: $0.key)) }) else {
                return Int.max
            }
            return LanguageRegistry.rank(of: most.key)
        }
        return sheets.sorted { (rank($0), $0.id) < (rank($1), $1.id) }
    }

    /// `compare/<a>--<b>.html`, the ids in order: a page of two sheets keeps the path it had
    /// when every page compared two.
    static func comparePath(_ sheets: [String]) -> String { "compare/\(sheets.joined(separator: "--")).html" }

    /// The connected parts of the twin graph, of sheets and of cards.
    private static func groups(of pairs: [Pair]) -> [Group] {
        var sheets = UnionFind<String>()
        var places = UnionFind<Place>()
        for pair in pairs {
            sheets.union(pair.sheet, pair.otherSheet)
            places.union(Place(sheet: pair.sheet, anchor: pair.anchor), Place(sheet: pair.otherSheet, anchor: pair.otherAnchor))
        }
        // Rows in the order of the pairs (declaration order), each row's places in that order too.
        var rowOrder: [Place] = []
        var rowMembers: [Place: [Place]] = [:]
        for pair in pairs {
            for place in [Place(sheet: pair.sheet, anchor: pair.anchor), Place(sheet: pair.otherSheet, anchor: pair.otherAnchor)] {
                let root = places.find(place)
                if rowMembers[root] == nil { rowOrder.append(root) }
                if !rowMembers[root, default: []].contains(place) { rowMembers[root, default: []].append(place) }
            }
        }
        var members: [String: [String]] = [:]
        for sheet in Set(pairs.map(\.sheet)) { members[sheets.find(sheet), default: []].append(sheet) }
        var result = members.values.map { Group(sheets: $0.sorted(), rows: []) }.sorted { $0.path < $1.path }
        var groupOfSheet: [String: Int] = [:]
        for (index, group) in result.enumerated() {
            for sheet in group.sheets { groupOfSheet[sheet] = index }
        }
        for root in rowOrder {
            result[groupOfSheet[root.sheet]!].rows.append(rowMembers[root]!)
        }
        for pair in pairs where pair.sheet < pair.otherSheet {
            let index = groupOfSheet[pair.sheet]!
            let path = comparePath([pair.sheet, pair.otherSheet])
            if result[index].sheets.count > 2 && !result[index].formerPaths.contains(path) { result[index].formerPaths.append(path) }
        }
        for index in result.indices { result[index].formerPaths.sort() }
        return result
    }
}
