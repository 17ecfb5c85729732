import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenLanguages

@Suite("The known-failures list")
struct KnownFailureListTests {
    private func parse(_ text: String) -> (KnownFailureList, [String]) {
        let (list, diagnostics) = KnownFailureList.parse(text, path: "kf.txt")
        return (list, diagnostics.map(\.formatted))
    }

    @Test func readsEntriesWithTheirReasonsAndLines() {
        let (list, problems) = parse("""
            # Snippets that may fail.
            # Reviewed by the docs team.

            guide/basics.md:12 3f9a1c2e run.output-mismatch  # counts from zero
            guide/basics.md 0a1b2c3d compile.error
              Reference Manual/My Page.md:7\t00ff00ff compile.missing-expected-error #no space needed after the hash
            notes/c#.md:3 1234abcd run.crashed

            """)
        #expect(problems == [])
        #expect(list.header == ["# Snippets that may fail.", "# Reviewed by the docs team."])
        #expect(list.entries.map(\.page) == ["guide/basics.md", "guide/basics.md", "Reference Manual/My Page.md", "notes/c#.md"])
        #expect(list.entries.map(\.line) == [12, nil, 7, 3])
        #expect(list.entries.map(\.fingerprint) == ["3f9a1c2e", "0a1b2c3d", "00ff00ff", "1234abcd"])
        #expect(list.entries.map(\.id.rawValue) == ["run.output-mismatch", "compile.error", "compile.missing-expected-error", "run.crashed"])
        #expect(list.entries.map(\.reason) == ["counts from zero", nil, "no space needed after the hash", nil])
        #expect(list.entries.map { $0.location?.line } == [4, 5, 6, 7])
    }

    @Test func eachMalformedLineIsAnErrorAtItsLineAndColumn() {
        let (list, problems) = parse("""
            guide/basics.md:12 3F9A1C2E run.output-mismatch
            guide/basics.md:12 3f9a1c2 run.output-mismatch
            guide/basics.md:12 3f9a1c2e Run.Mismatch
            guide/basics.md:12 3f9a1c2e runmismatch
            3f9a1c2e run.output-mismatch
            /srv/basics.md 3f9a1c2e run.output-mismatch
            guide/basics.md 3f9a1c2e run.output-mismatch
            guide/basics.md:30 3f9a1c2e run.crashed
            """)
        #expect(list.entries.count == 1, "only the well-formed line counts, once")
        #expect(problems.count == 7, "\(problems)")
        #expect(problems[0].hasPrefix("kf.txt:1:20: error: '3F9A1C2E' is not a snippet's fingerprint (8 hex digits"))
        #expect(problems[1].hasPrefix("kf.txt:2:20: error: '3f9a1c2' is not a snippet's fingerprint"))
        #expect(problems[2] == "kf.txt:3:29: error: 'Run.Mismatch' is not a diagnostic identifier (as in run.output-mismatch; README, \"Diagnostics have names\")")
        #expect(problems[3].hasPrefix("kf.txt:4:29: error: 'runmismatch' is not a diagnostic identifier"))
        #expect(problems[4].hasPrefix("kf.txt:5:1: error: cannot read this known-failures entry"))
        #expect(problems[5] == "kf.txt:6:1: error: the page must be a path relative to the content folder, as in guide/basics.md")
        #expect(problems[6] == "kf.txt:8:1: warning: this snippet is listed twice; the entry at line 7 counts")
    }

    @Test func writesEntriesByPageAndLineUnderItsHeader() {
        var list = KnownFailureList(path: "kf.txt", entries: [
            .init(page: "b.md", line: 4, fingerprint: "0000000b", id: .compileError),
            .init(page: "a.md", line: 30, fingerprint: "0000000a", id: .outputMismatch, reason: "off by one"),
            .init(page: "a.md", line: 9, fingerprint: "00000009", id: .crashed),
        ], header: ["# ours"])
        #expect(list.text == """
            # ours

            a.md:9 00000009 run.crashed
            a.md:30 0000000a run.output-mismatch  # off by one
            b.md:4 0000000b compile.error

            """)
        // What it writes reads back the same.
        let (read, problems) = parse(list.text)
        #expect(problems == [])
        #expect(read.entries.map(\.text) == ["a.md:9 00000009 run.crashed", "a.md:30 0000000a run.output-mismatch  # off by one", "b.md:4 0000000b compile.error"])
        list.header = []
        #expect(list.text.hasPrefix(KnownFailureList.defaultHeader.joined(separator: "\n") + "\n\n"))
    }

    @Test func aFingerprintIgnoresWhereTheSnippetIsButNotWhatItSays() throws {
        func snippet(_ code: String, line: Int, language: String = "swift") -> Snippet {
            Snippet(.init(sheetID: "s", path: "s.md", index: 0, cardAnchor: nil, cardTitle: "", sectionAnchor: nil, language: language,
                          attributes: SnippetAttributes(), code: code, location: SourceLocation(path: "s.md", line: line), firstCodeLine: line + 1,
                          naming: .place("x", inCard: 1)))
        }
        let here = SnippetFingerprint.of(snippet("print(1)\n", line: 3))
        #expect(SnippetFingerprint.isValid(here))
        #expect(SnippetFingerprint.of(snippet("print(1)\n", line: 40)) == here)
        #expect(SnippetFingerprint.of(snippet("print(2)\n", line: 3)) != here)
        #expect(SnippetFingerprint.of(snippet("print(1)\n", line: 3, language: "python")) != here)

        // A book test's script carries its Markdown lines; moved down, it is the same test.
        var test = snippet(BookTestScript(name: "t", lines: [.init(line: 10, marker: .shown, text: "print(1)"), .init(line: 11, marker: .output, text: "1")]).encoded, line: 8)
        test.attributes.languageOptions = [.init(key: BookTestScript.testOption, value: "t")]
        var moved = snippet(BookTestScript(name: "t", lines: [.init(line: 14, marker: .shown, text: "print(1)"), .init(line: 15, marker: .output, text: "1")]).encoded, line: 12)
        moved.attributes.languageOptions = test.attributes.languageOptions
        #expect(test.code != moved.code)
        #expect(SnippetFingerprint.of(test) == SnippetFingerprint.of(moved))
    }

    @Test func theConfigurationNamesTheListRelativeToItsFolder() {
        let (configuration, problems) = Configuration.parse("known-failures: lists/known.txt\n", path: "docs/cheatgen.yml", languages: LanguageRegistry.catalog)
        #expect(problems.isEmpty)
        #expect(configuration.knownFailures == "docs/lists/known.txt")
        let (bare, _) = Configuration.parse("known-failures: known.txt\n", path: "cheatgen.yml", languages: LanguageRegistry.catalog)
        #expect(bare.knownFailures == "known.txt")
        let (_, wrong) = Configuration.parse("known-failures: [a, b]\n", path: "cheatgen.yml", languages: LanguageRegistry.catalog)
        #expect(wrong.map(\.formatted) == ["cheatgen.yml:1:17: error: 'known-failures' must be a file's path, relative to cheatgen.yml"])
    }
}
