import Foundation
import Testing
@testable import CheatgenLanguages

/// Sheets verified against a package on disk (`dependencies: - path: .`), as a library's own
/// documentation would be: built once, rebuilt and verified again when its sources change.
/// The fixture `local-package` is a tiny library with its cheatgen.yml and one sheet.
@Suite("Local package dependencies, end to end", .serialized)
struct LocalPackageTests {
    private let building = "cheatgen: building the packages snippets import (local-package) once; later runs reuse them until their sources change"

    @Test func aSheetImportsThePackageItDocumentsAndFollowsItsChanges() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("local-package")
        // Run from outside the package: `path: .` is relative to the folder of cheatgen.yml.
        let arguments = ["check", "local-package/content", "--config", "local-package/cheatgen.yml", "--quiet"]

        let first = try await Cheatgen.run(arguments, in: directory)

        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.errorLines == [building])
        #expect(first.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])

        // Nothing changed: no build, and the verdict is reused.
        let second = try await Cheatgen.run(arguments, in: directory)
        #expect(second.status == 0)
        #expect(second.errorLines == [])

        // The library changes what the snippet prints: rebuilt, verified again, and caught.
        try directory.edit("local-package/Sources/Tally/Tally.swift", replacing: "(counts[$0]!, $1) > (counts[$1]!, $0)", with: "(counts[$0]!, $0) < (counts[$1]!, $1)")
        let third = try await Cheatgen.run(arguments, in: directory)

        #expect(third.status == 1)
        #expect(third.errorLines.first == building)
        let sheet = try directory.read("local-package/content/tally.md")
        let output = try lineNumber(of: "```output", in: sheet)
        // Reported at the first line of the output block that differs: its first line.
        #expect(third.standardError.contains("local-package/content/tally.md:\(output + 1):1: error: snippet output does not match the 'output' block"), "\(third.standardError)")
        #expect(third.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])
        #expect(directory.entries(".cheatgen/deps").count == 1, "one build folder, rebuilt in place")
    }

    /// With `path: .`, the sheets live inside the package: editing them must not rebuild it.
    @Test func onlyTheManifestAndSourcesDecideThePackagesRevision() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("local-package")
        let package = directory.path + "/local-package"
        let original = LocalPackage.revision(of: package)

        try directory.edit("local-package/content/tally.md", replacing: "## Counting", with: "## Counting words")
        try directory.makeFolder("local-package/.build")
        try directory.write("build products", to: "local-package/.build/product")
        #expect(LocalPackage.revision(of: package) == original, "sheets and build products are not the package's sources")

        try directory.edit("local-package/Sources/Tally/Tally.swift", replacing: "Counts how often", with: "Counts how many times")
        let edited = LocalPackage.revision(of: package)
        #expect(edited != original)
        try directory.write("// a new file\n", to: "local-package/Sources/Tally/More.swift")
        let withFile = LocalPackage.revision(of: package)
        #expect(withFile != edited)
        try directory.edit("local-package/Package.swift", replacing: "name: \"local-package\"", with: "name: \"tally\"")
        #expect(LocalPackage.revision(of: package) != withFile)
        #expect(LocalPackage.inputs(of: package) == ["Package.swift", "Sources/Tally/More.swift", "Sources/Tally/Tally.swift"])
    }

    @Test func aFolderWithoutAPackageIsAnErrorAtItsDeclaration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
            ---
            title: Nowhere
            dependencies:
              - path: no-such-package
                products: [Nothing]
            ---

            ## S

            ### C

            ```swift
            import Nothing
            ```

            """
        try directory.write(text, to: "nowhere.md")

        let result = try await Cheatgen.run(["check", "nowhere.md", "--quiet"], in: directory)

        let declaration = try lineNumber(of: "- path: no-such-package", in: text)
        let column = try columnNumber(of: "path:", in: text)
        let folder = directory.url.appendingPathComponent("no-such-package").standardizedFileURL.path
        #expect(result.status == 1)
        #expect(result.errorLines.contains("nowhere.md:\(declaration):\(column): error: cannot build dependency \(folder): there is no Package.swift in that folder"),
                "\(result.errorLines)")
        #expect(result.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])
    }

    @Test func aDeclarationTakesAURLOrAPathAndAPathHasNoVersion() throws {
        let cases: [(String, String)] = [
            ("  - path: .\n    from: 1.0.0\n    products: [A]\n", "dependency . is a folder: it has no version, so leave out 'from' and 'exact'"),
            ("  - path: .\n    url: https://example.org/a.git\n    from: 1.0.0\n    products: [A]\n", "give one of 'url' or 'path', not both"),
            ("  - path: ..\n", "dependency .. needs 'products': the library products snippets import"),
        ]
        for (declaration, message) in cases {
            let result = parse("---\ntitle: T\ndependencies:\n\(declaration)---\n")
            #expect(result.errors.map(\.message) == [message], "\(declaration)")
        }
        let accepted = try sheet("---\ntitle: T\ndependencies:\n  - path: ../MyLibrary\n    products: [MyLibrary]\n---\n")
        #expect(accepted.frontMatter.dependencies.map(\.source) == [.path("../MyLibrary")])
        #expect(accepted.frontMatter.dependencies.map(\.identity) == ["mylibrary"])
    }
}
