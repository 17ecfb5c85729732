import Testing
@testable import CheatgenSite

/// How the blocks Pygments colours are shared between its processes.
@Suite("Pygments batches")
struct PygmentsBatchesTests {
    typealias Block = PygmentsHighlighter.Block

    static func blocks(_ language: String, _ count: Int, size: Int = 100) -> [Block] {
        (0..<count).map { Block(language: language, code: "\($0) " + String(repeating: "x", count: size)) }
    }

    @Test("every block goes to exactly one batch, and a language to one process when it fits")
    func languagesStayTogether() {
        let all = Self.blocks("bash", 40) + Self.blocks("js", 30) + Self.blocks("Ruby", 20) + Self.blocks("ruby", 5) + Self.blocks("yaml", 10)
        let batches = PygmentsBatches.deal(all, into: 2)
        #expect(batches.count == 2)
        let order = { (a: Block, b: Block) in (a.language, a.code) < (b.language, b.code) }
        #expect(batches.flatMap { $0 }.sorted(by: order) == all.sorted(by: order))
        for language in ["bash", "js", "ruby", "yaml"] {
            // `Ruby` and `ruby` are one lexer: one process loads it.
            #expect(batches.count { $0.contains { $0.language.lowercased() == language } } == 1, "\(language)")
        }
    }

    @Test("a language that is most of the work is split, so both processes lex")
    func oneBigLanguageIsSplit() {
        let all = Self.blocks("js", 200) + Self.blocks("bash", 2)
        let batches = PygmentsBatches.deal(all, into: 2)
        #expect(batches.count == 2)
        #expect(batches.allSatisfy { $0.contains { $0.language == "js" } })
        let sizes = batches.map { $0.reduce(0) { $0 + $1.code.utf8.count } }
        #expect(Double(sizes.max()!) / Double(sizes.min()!) < 1.2)
    }

    @Test("one process gets everything")
    func oneProcess() {
        let all = Self.blocks("js", 3) + Self.blocks("bash", 3)
        #expect(PygmentsBatches.deal(all, into: 1) == [all])
    }
}
