import Foundation
import Testing
@testable import CheatgenModel

/// Sheet file names a writer might pick, through the real binary: each is a page, or a clear
/// `path:1:1: error:` when the sheets are loaded — never a crash.
@Suite("Sheet file names", .serialized)
struct FileNameTests {
    static func sheet(_ title: String) -> String {
        "---\ntitle: \(title)\nverify: false\n---\n\n## Section\n\n### Card\n\n```swift\nlet x = [1]\n```\n"
    }

    static func content(_ names: [String]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (index, name) in names.enumerated() {
            try directory.write(sheet("Sheet \(index)"), to: "content/\(name).md")
        }
        return directory
    }

    @Test func oddButUsableNamesEachMakeAPage() async throws {
        let names = ["v1..v2", "two words", "café", "日本語", "-dash", "a.b.c", "x--y", "Mixed-Case"]
        let directory = try Self.content(names)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.errorLines.isEmpty, "\(result.errorLines)")
        #expect(result.outputLines.last == "wrote site/: \(names.count) sheets")
        let index = try directory.read("site/index.html")
        for name in names {
            let page = try directory.read("site/\(name).html")
            #expect(page.contains("<h1>Sheet \(names.firstIndex(of: name)!)</h1>"), "\(name).html is that sheet's page")
            #expect(index.contains("href=\"\(HTML.escape(name)).html\""), "the index links to \(name).html")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("v2.html").path), "nothing was written outside site/")
    }

    @Test func namesThatCannotBePagesAreErrorsAtLoadTime() async throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let directory = try Self.content(["a#b", "what?", "100%", "Upper", "upper", nfc, nfd, "tab\there", "fine"])
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        #expect(result.status == 1)
        let errors = result.errorLines.filter { $0.hasPrefix("content/") && $0.contains(": error: ") }
        #expect(errors.contains("content/a#b.md:1:1: error: a sheet's file name cannot contain '#': the links to its page would break there; rename the file"))
        #expect(errors.contains("content/what?.md:1:1: error: a sheet's file name cannot contain '?': the links to its page would break there; rename the file"))
        #expect(errors.contains("content/100%.md:1:1: error: a sheet's file name cannot contain '%': the links to its page would break there; rename the file"))
        #expect(errors.contains("content/tab\there.md:1:1: error: a sheet's file name cannot contain the control character U+0009; rename the file"))
        #expect(errors.contains { $0.hasPrefix("content/upper.md:1:1: error: two sheets' names differ only in case ('upper' and 'Upper')") })
        // The same name in two Unicode spellings (é as one character, or e and an accent) is one id.
        #expect(errors.contains { $0.hasSuffix(": error: two sheets have the id '\(nfc)' (the file names are the same text written with different Unicode characters)") })
        #expect(errors.count == 6, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("site").path), "no site is written")
    }
}
