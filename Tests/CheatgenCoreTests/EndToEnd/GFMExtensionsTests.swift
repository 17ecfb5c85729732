import Foundation
import Testing
@testable import CheatgenCore

/// A small sheet that uses all four of GitHub's extensions (the `gfm-extensions.md` fixture:
/// strikethrough, autolinks in prose and a table, a task list, footnotes shared by cards),
/// built by the real binary and pinned by a golden page.
@Suite("GFM extensions, end to end", .serialized)
struct GFMExtensionsTests {
    private func built() async throws -> (TemporaryDirectory, CommandResult) {
        let directory = try TemporaryDirectory()
        try directory.makeFolder("content")
        try directory.write(try Fixtures.text("gfm-extensions.md"), to: "content/gfm-extensions.md")
        let result = try await Cheatgen.run(["build", "content", "--output", "site"], in: directory)
        return (directory, result)
    }

    @Test func buildsWithAWarningForTheNoteNobodyRefersTo() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.errorLines.filter { $0.contains(": warning: ") } == [
            "content/gfm-extensions.md:41:1: warning: footnote '[^spare]' is never referred to; it is not shown",
        ])
    }

    @Test func thePageMatchesItsGoldenFile() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/gfm-extensions.html")
        try Golden.check(Golden.normalizingVersions(page), against: "gfm-extensions.html")
        // What the golden file pins down, said out loud.
        #expect(page.contains("<del>by hand</del>") && page.contains("<td><del>manual QA</del></td>") && page.contains("<del>the forum</del>"))
        #expect(page.contains(#"<a href="mailto:releases@example.org" class="url">releases@example.org</a>"#))
        #expect(page.contains(#"<a href="http://www.example.com/downloads" class="url" rel="noopener">www.example.com/downloads</a>"#))
        #expect(page.contains(#"<a href="https://ci.example.org/runs/(latest)" class="url" rel="noopener">https://ci.example.org/runs/(latest)</a>."#))
        #expect(page.contains(#"<td><a href="https://staging.example.org" class="url" rel="noopener">https://staging.example.org</a></td>"#))
        #expect(page.contains(#"<li class="task-list-item"><input type="checkbox" checked disabled> Tag the commit</li>"#))
        #expect(page.contains(#"<li class="task-list-item"><input type="checkbox" disabled> Write the notes</li>"#))
        #expect(page.contains("<li>a plain item, no box</li>"))
        #expect(page.contains("stays as typed: [^missing]."))
        #expect(!page.contains("Written, never referred to"), "a note nobody refers to is not shown")
        // The intro and three cards each list their own notes: four lists in all.
        #expect(page.components(separatedBy: #"<section class="footnotes""#).count - 1 == 4)
        #expect(page.contains(##"<sup class="footnote-ref"><a href="#gfm-extensions--announce--fn-1" id="gfm-extensions--announce--fnref-1" data-footnote-ref>1</a></sup>"##))
    }

    @Test func everyNoteLinkReachesItsTargetAndNoIdRepeats() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/gfm-extensions.html")
        let allIDs = ids(in: page)
        #expect(Set(allIDs).count == allIDs.count, "repeated ids: \(allIDs.filter { id in allIDs.count { $0 == id } > 1 })")
        let noteLinks = HTMLScanner.tags(in: page).compactMap { $0.value(of: "href") }.filter { $0.contains("--fn") }
        #expect(noteLinks.count == 12, "\(noteLinks)")
        for link in noteLinks {
            #expect(allIDs.contains(String(link.dropFirst())), "\(link) has no target")
        }
    }
}
