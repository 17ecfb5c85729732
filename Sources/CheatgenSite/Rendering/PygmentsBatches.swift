/// How the blocks Pygments colours are shared out between its processes: by language, so each
/// process imports (and compiles the regular expressions of) only its own languages' lexers.
/// Dealt by size alone, every process met nearly every language, and loading a lexer costs
/// more than lexing a few blocks with it (a third of Pygments' time on the devhints sheets).
enum PygmentsBatches {
    /// What loading one language's lexer costs, counted as bytes of code to lex.
    static let lexerCost = 4096

    /// `blocks` in `count` batches of about equal cost: whole languages, costliest first, each
    /// to the lightest batch so far; a language that alone costs more than a batch's share is
    /// cut into pieces (each process that gets a piece loads its lexer).
    static func deal(_ blocks: [PygmentsHighlighter.Block], into count: Int) -> [[PygmentsHighlighter.Block]] {
        guard count > 1 else { return [blocks] }
        let byLanguage = Dictionary(grouping: blocks) { $0.language.lowercased() }
        let cost = { (block: PygmentsHighlighter.Block) in block.code.utf8.count + 64 }
        let total = byLanguage.values.reduce(0) { $0 + lexerCost + $1.reduce(0) { $0 + cost($1) } }
        let share = (total + count - 1) / count
        // Each language as one group, or as pieces no larger than a share.
        var groups: [(cost: Int, blocks: [PygmentsHighlighter.Block])] = []
        for language in byLanguage.keys.sorted() {
            var piece: [PygmentsHighlighter.Block] = []
            var size = lexerCost
            for block in byLanguage[language]! {
                if size + cost(block) > share, !piece.isEmpty {
                    groups.append((size, piece))
                    piece = []
                    size = lexerCost
                }
                piece.append(block)
                size += cost(block)
            }
            groups.append((size, piece))
        }
        var batches = Array(repeating: [PygmentsHighlighter.Block](), count: count)
        var sizes = Array(repeating: 0, count: count)
        let order = groups.indices.sorted { (groups[$0].cost, $1) > (groups[$1].cost, $0) }
        for group in order.map({ groups[$0] }) {
            let lightest = sizes.indices.min { sizes[$0] < sizes[$1] }!
            batches[lightest].append(contentsOf: group.blocks)
            sizes[lightest] += group.cost
        }
        return batches.filter { !$0.isEmpty }
    }
}
