import Testing
@testable import CheatgenVerification
@testable import CheatgenLanguages

/// How a snippet's program is rewritten to share a module, and what keeps one alone.
@Suite("Mergeable Swift source")
struct MergeableSourceTests {
    private func rewrite(_ code: String) -> MergeableSource.Verdict {
        let text = "#sourceLocation(file: \"notes.md\", line: 10)\n" + code + "\n#sourceLocation()\n"
        return MergeableSource.rewrite(EffectiveSource(text: text, isLibrary: false), symbol: "notes__one")
    }

    private func merged(_ code: String) throws -> MergeableSource.Rewritten {
        guard case .mergeable(let rewritten) = rewrite(code) else {
            Issue.record("expected \(code) to merge, got \(rewrite(code))")
            throw CancellationError()
        }
        return rewritten
    }

    @Test func declarationsAreKeptToTheirFileAndStatementsBecomeTheBody() throws {
        let result = try merged("""
            struct Lamp { var lit = false }
            func toggle(_ lamp: inout Lamp) { lamp.lit.toggle() }
            var lamp = Lamp()
            toggle(&lamp)
            print(lamp.lit)
            """)
        #expect(result.text.contains("#sourceLocation(file: \"notes.md\", line: 10)\nfileprivate struct Lamp { var lit = false }"), "\(result.text)")
        #expect(result.text.contains("fileprivate func toggle(_ lamp: inout Lamp)"), "\(result.text)")
        // A variable is the main actor's global, initialised where the code declared it.
        #expect(result.text.contains("@MainActor fileprivate var lamp = Lamp()"), "\(result.text)")
        #expect(result.text.contains("@MainActor func cheatgen_body_notes__one() {\n#sourceLocation(file: \"notes.md\", line: 12)\n_ = lamp\n"), "\(result.text)")
        // Every piece keeps its Markdown line.
        #expect(result.text.contains("#sourceLocation(file: \"notes.md\", line: 14)\nprint(lamp.lit)"), "\(result.text)")
        #expect(!result.isAsync && !result.isThrowing)
    }

    @Test func attributesStayInFrontOfTheAddedModifier() throws {
        let result = try merged("@MainActor\nfinal class Board {}\nprint(1)")
        // The class keeps its own line.
        #expect(result.text.contains("#sourceLocation(file: \"notes.md\", line: 10)\n@MainActor fileprivate \nfinal class Board {}"), "\(result.text)")
    }

    @Test func literalsAndTaskHandlesStayLocalsOfTheBody() throws {
        let result = try merged("""
            let limit = 3
            let worker = Task { limit * 2 }
            print(await worker.value)
            """)
        #expect(!result.text.contains("fileprivate let limit"), "\(result.text)")
        #expect(result.text.contains("\nlet limit = 3\n") && result.text.contains("\nlet worker = Task { limit * 2 }\n"), "\(result.text)")
        #expect(result.isAsync)
    }

    @Test func aLiteralAFunctionReadsStaysAGlobalAnyoneMayRead() throws {
        let result = try merged("let base = 10\nfunc scaled(_ x: Int) -> Int { x * base }\nprint(scaled(2))")
        #expect(result.text.contains("\nfileprivate let base = 10\n"), "\(result.text)")
    }

    @Test func aTryOutsideACatchAllMakesTheBodyThrow() throws {
        #expect(try merged("struct E: Error {}\nfunc f() throws {}\ntry f()").isThrowing)
        #expect(try !merged("func f() throws {}\ndo { try f() } catch { print(error) }").isThrowing)
        #expect(try merged("struct E: Error {}\nfunc f() throws {}\ndo { try f() } catch is E { print(1) }").isThrowing)
    }

    @Test(arguments: [
        ("class Box { deinit { print(\"gone\") } }\nprint(1)", "declares a deinit"),
        ("print(#function)", "uses #function"),
        ("dump([1])", "uses dump, which prints module names"),
        ("print(String(reflecting: 1))", "uses String(reflecting:), which prints module names"),
        ("extension Int: @retroactive Identifiable { public var id: Int { self } }\nprint(1)", "adds a conformance to Int, a type it does not declare"),
        ("let total = await compute()\nfunc compute() async -> Int { 1 }", "awaits in a top-level variable's value"),
        ("let workers = [1, 2].map { n in Task { n } }\nprint(1)", "has a closure that starts or awaits work in a top-level variable's value"),
        ("let stream = AsyncStream<Int> { c in Task { c.finish() } }\nprint(1)", "has a closure that starts or awaits work in a top-level variable's value"),
        ("var later: Int\nlater = 2\nprint(later)", "declares a top-level variable without a value"),
        ("guard let n = Int(\"4\") else { fatalError() }\nprint(n)", "has a top-level guard (its names outlive the statement)"),
        ("infix operator <>\nprint(1)", "declares an operator at top level"),
        ("public func f() {}\nf()", "gives a declaration an access level"),
    ])
    func whatKeepsASnippetAlone(code: String, reason: String) {
        #expect(rewrite(code) == .alone(reason: reason))
    }

    @Test func aClosureThatRunsWhereItIsCalledMayInitialiseAGlobal() throws {
        let result = try merged("let doubled = [1, 2].map { $0 * 2 }\nprint(doubled)")
        #expect(result.text.contains("@MainActor fileprivate let doubled = [1, 2].map { $0 * 2 }"), "\(result.text)")
    }

    @Test func aConformanceOnItsOwnTypeMerges() throws {
        let result = try merged("struct Dot {}\nextension Dot: CustomStringConvertible { var description: String { \"•\" } }\nprint(Dot())")
        #expect(result.text.contains("\nextension Dot: CustomStringConvertible"), "\(result.text)")
    }

    @Test func mainAndSessionsStayAlone() {
        var library = EffectiveSource(text: "@main struct App { static func main() {} }\n", isLibrary: true)
        #expect(MergeableSource.rewrite(library, symbol: "x") == .alone(reason: "has @main"))
        library.isLibrary = false
        library.sessionMarker = "mark"
        #expect(MergeableSource.rewrite(library, symbol: "x") == .alone(reason: "runs in a session"))
    }
}
