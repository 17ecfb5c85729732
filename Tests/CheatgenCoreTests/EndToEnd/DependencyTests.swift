import Foundation
import Testing
@testable import CheatgenCore

/// Snippets that import packages declared in the front matter: built once with SwiftPM into
/// `.cheatgen/deps/`, reused by later runs; undeclared imports and unresolvable packages are
/// errors at their lines. Uses github.com/mxcl/Version, a tiny package with no dependencies.
@Suite("Package dependencies, end to end", .serialized)
struct DependencyTests {
    private let building = "cheatgen: building the packages snippets import (version) once; later runs reuse them"

    @Test func aDeclaredPackageIsBuiltOnceAndAnUndeclaredImportIsExplained() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("dependencies.md")
        let text = try directory.read(sheet)

        let first = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)

        #expect(first.errorLines.first == building)
        let importLine = try lineNumber(of: "import AsyncAlgorithms", in: text)
        let fence = try lineNumber(of: "```swift", below: "### An undeclared package", in: text)
        #expect(Array(first.errorLines.dropFirst()) == [
            "dependencies.md:\(importLine):8: error: no such module 'AsyncAlgorithms'",
            "import AsyncAlgorithms",
            "       ^",
            "dependencies.md:\(fence):1: note: to import 'AsyncAlgorithms', declare the package that provides it under 'dependencies:' in the sheet's front matter (url, from, products) or in cheatgen.yml",
            "dependencies.md:\(fence):1: note: in snippet dependencies/an-undeclared-package",
        ])
        #expect(first.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        #expect(first.status == 1)
        #expect(directory.entries(".cheatgen/deps").count == 1, "one build for the sheet's set of packages")

        // Verified again from scratch: the packages are not built again.
        let second = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)

        #expect(!second.standardError.contains("building the packages"))
        #expect(second.errorLines.first == "dependencies.md:\(importLine):8: error: no such module 'AsyncAlgorithms'")
        #expect(second.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        #expect(directory.entries(".cheatgen/deps").count == 1)
    }

    @Test func anUnresolvablePackageIsAnErrorAtItsDeclaration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("unresolvable-dependency.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)

        let declaration = try lineNumber(of: "- url: https://127.0.0.1:9/nobody/Nothing.git", in: text)
        let column = try columnNumber(of: "url:", in: text)
        let fence = try lineNumber(of: "```swift", in: text)
        let errors = result.errorLines.filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.errorLines)")
        #expect(errors.first?.hasPrefix("unresolvable-dependency.md:\(declaration):\(column): error: cannot build dependency https://127.0.0.1:9/nobody/Nothing.git: ") == true)
        #expect(errors.last == "unresolvable-dependency.md:\(fence):1: error: not verified: the packages declared for this sheet did not build")
        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])
        #expect(result.status == 1)
        // A failed build is not remembered as built: the next run tries again.
        let again = try await Cheatgen.run(["check", sheet, "--quiet"], in: directory)
        #expect(again.errorLines.first?.hasPrefix("cheatgen: building the packages snippets import (nothing)") == true)
        #expect(again.status == 1)
    }
}
