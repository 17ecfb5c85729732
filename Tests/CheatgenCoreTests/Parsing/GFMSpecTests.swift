import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenSite
@testable import CheatgenVerification

/// GitHub's own examples of its Markdown extensions (cmark-gfm's `extensions.txt`, read from
/// `../shared/corpora/gfm-spec/` at test time, never copied here) rendered by cheatgen and by
/// cmark-gfm, the reference implementation, and compared once normalised (`HTMLNormaliser`).
@Suite("GFM extension examples")
struct GFMSpecTests {
    /// Examples cheatgen renders differently on purpose or cannot match, by number in
    /// `extensions.txt`, with the reason. An example listed here that starts to match must leave
    /// the list (the test says so).
    static let exceptions: [Int: String] = [
        // "HTML tag filter": raw HTML blocks and tags on purpose.
        22: "raw HTML: cheatgen shows HTML blocks, comments and tags other than a few plain formatting ones as text (its safe-HTML rule), where cmark-gfm passes them through",
    ]

    /// Examples whose expected output the spec gives as `<IGNORE>`: only that they do not crash.
    static let ignoredBySpec = "the spec's expected output is <IGNORE>: it only asks that the input does not crash the parser"

    struct Example {
        var number: Int
        var section: String
        var line: Int
        var markdown: String
        var expected: String
    }

    /// `../shared/corpora/gfm-spec/extensions.txt`, looked for above the package (the project's
    /// checkout sits next to `shared/`, or a worktree two folders down) or where
    /// `CHEATGEN_CORPORA` says.
    static func corpus() -> (url: URL?, looked: [String]) {
        var candidates: [URL] = []
        if let folder = ProcessInfo.processInfo.environment["CHEATGEN_CORPORA"] {
            candidates.append(URL(fileURLWithPath: folder))
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<7 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("shared/corpora"))
        }
        let files = candidates.map { $0.appendingPathComponent("gfm-spec/extensions.txt") }
        return (files.first { FileManager.default.fileExists(atPath: $0.path) }, files.map(\.path))
    }

    /// The spec's examples: a fence of 32 backticks and `example`, the Markdown, a line `.`,
    /// the HTML. `→` stands for a tab.
    static func examples(in text: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = text.components(separatedBy: "\n")[...]
        var number = 0
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
            guard line == fence + " example" else { continue }
            number += 1
            let start = lineNumber
            var markdown: [String] = [], html: [String] = []
            var inHTML = false
            while let inner = lines.popFirst() {
                lineNumber += 1
                if inner == fence { break }
                if inner == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(inner) } else { markdown.append(inner) }
            }
            let tab = { (s: String) in s.replacingOccurrences(of: "→", with: "\t") }
            examples.append(Example(number: number, section: section, line: start,
                                    markdown: tab(markdown.joined(separator: "\n") + "\n"), expected: tab(html.joined(separator: "\n"))))
        }
        return examples
    }

    /// cheatgen's HTML for a sheet whose body is `markdown`: the blocks before any heading and
    /// their notes, as a page's intro shows them.
    static func cheatgenHTML(_ markdown: String) throws -> String {
        let sheet = try #require(SheetParser.parse(header + markdown, path: "example.md", options: parseOptions).sheet)
        let renderer = MarkdownHTMLRenderer(resolveLink: { $0 }, highlight: { code, _ in HTML.escape(code) })
            .withNotes(sheet.footnotes, idPrefix: "example--top--")
        var html = ""
        for case .block(let block) in sheet.intro { html += renderer.render(block) }
        return html + renderer.renderNotes()
    }

    static func cmarkGFM(_ markdown: String, path: String) throws -> String {
        // `--unsafe`: raw HTML as the spec's examples show it (cmark-gfm leaves it out by default),
        // so that cheatgen's few kept tags (`<strong>`, `<br>`) compare.
        try runCmarkGFM(markdown, at: path, arguments: ["--unsafe", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes", "-e", "table"])
    }

    @Test func everyExtensionExampleRendersAsCmarkGFMRendersIt() throws {
        let (url, looked) = Self.corpus()
        guard let url else {
            Issue.record("The GFM spec corpus is missing, so nothing was compared: looked for \(looked.joined(separator: ", ")); set CHEATGEN_CORPORA to the folder that holds gfm-spec/extensions.txt")
            return
        }
        let cmarkGFM = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(cmarkGFM, "cmark-gfm is missing: scripts/install-deps --browser installs it (Debian package cmark-gfm)")
        let examples = Self.examples(in: try String(contentsOf: url, encoding: .utf8))
        let sections = Set(examples.map(\.section))
        for name in ["Tables", "Strikethroughs", "Autolinks", "Footnotes", "Task lists", "Interop"] {
            #expect(sections.contains(name), "extensions.txt has no '\(name)' section any more: \(sections.sorted())")
        }
        #expect(examples.count >= 25, "only \(examples.count) examples found in \(url.path)")
        let normaliser = HTMLNormaliser()
        var compared = 0
        for example in examples {
            let ours = try Self.cheatgenHTML(example.markdown)
            if example.expected == "<IGNORE>" { continue }
            let theirs = try Self.cmarkGFM(example.markdown, path: path)
            let same = normaliser.normalise(ours) == normaliser.normalise(theirs)
            if let reason = Self.exceptions[example.number] {
                #expect(!same, "example \(example.number) (\(example.section), line \(example.line)) now matches cmark-gfm: take it off the exceptions (\(reason))")
                continue
            }
            compared += 1
            #expect(same, """
                example \(example.number) (\(example.section), extensions.txt line \(example.line)) differs from cmark-gfm.
                Markdown:
                \(example.markdown)
                cheatgen:
                \(normaliser.normalise(ours))
                cmark-gfm:
                \(normaliser.normalise(theirs))
                """)
        }
        #expect(compared >= 24, "only \(compared) examples were compared")
        #expect(compared + Self.exceptions.count + examples.count(where: { $0.expected == "<IGNORE>" }) == examples.count)
    }

    /// The same comparison on a fixture of our own: every edge of strikethrough, autolinks and
    /// task lists a cheatsheet writer is likely to hit.
    @Test func agreesWithCmarkGFMOnTheInlineFixture() throws {
        let cmarkGFM = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(cmarkGFM, "cmark-gfm is missing: scripts/install-deps --browser installs it (Debian package cmark-gfm)")
        let fixture = try Fixtures.text("gfm-inlines.md")
        let body = fixture.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let normaliser = HTMLNormaliser()
        let ours = normaliser.normalise(try Self.cheatgenHTML(body))
        let theirs = normaliser.normalise(try Self.cmarkGFM(body, path: path))
        #expect(ours.components(separatedBy: "<del>").count > 6 && ours.components(separatedBy: "<a href").count > 20)
        if ours != theirs {
            let diff = UnifiedDiff.make(expected: theirs.components(separatedBy: "\n"), actual: ours.components(separatedBy: "\n"))
            Issue.record("cheatgen (+) differs from cmark-gfm (-) on gfm-inlines.md:\n\(diff.joined(separator: "\n"))")
        }
    }
}
