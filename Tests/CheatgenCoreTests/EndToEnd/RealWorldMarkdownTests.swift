import Foundation
import Testing
@testable import CheatgenCore

/// Sheets as cheatsheet sites built with Jekyll write them (the `jekyll` fixture, in the style
/// of devhints: cards before any section, pipe tables, kramdown attribute lists, Liquid, Jekyll
/// front matter, links without `.md`), built by the real binary.
@Suite("Real-world Markdown, end to end", .serialized)
struct RealWorldMarkdownTests {
    private func built() async throws -> (TemporaryDirectory, CommandResult) {
        let directory = try TemporaryDirectory()
        try directory.copyFixture("jekyll", as: "content")
        let result = try await Cheatgen.run(["build", "content", "--output", "site"], in: directory)
        return (directory, result)
    }

    @Test func buildsWithWarningsOnlyForWhatItCannotShow() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped", "wrote site/: 3 sheets"])
        #expect(result.errorLines.filter { $0.contains(": warning: ") } == [
            "content/shell.md:14:1: warning: heading 'History' has the same anchor as 'History' (line 7); its anchor is '#history-1'",
            "content/tmux.md:63:1: warning: Liquid tag '{% include footer-ads.html %}' is not supported; it was removed from the page",
        ])
    }

    @Test func pagesMatchTheirGoldenFiles() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        for page in ["tmux.html", "shell.html", "index.html"] {
            try Golden.check(Golden.normalizingVersions(try directory.read("site/\(page)")), against: "jekyll-\(page)")
        }
        let tmux = try directory.read("site/tmux.html")
        // What the golden files pin down, said out loud.
        #expect(tmux.components(separatedBy: "<table").count - 1 == 2, "both pipe tables are tables")
        #expect(tmux.contains(#"<th class="align-left">Keys</th>"#))
        #expect(tmux.contains(#"<td class="align-right">cycle</td>"#))
        #expect(tmux.contains(#"<tr class="table-rule" aria-hidden="true"><td colspan="2"></td></tr>"#))
        #expect(tmux.contains(#"<td class="align-left">close the pane | kill it</td>"#))
        #expect(tmux.contains(#"<table class="-shortcuts">"#))
        #expect(tmux.contains(#"<article class="card -prime" id="start-and-attach""#))
        #expect(tmux.contains(#"<div class="cards columns-2">"#))
        #expect(tmux.contains(#"<p class="-intro">"#))
        #expect(tmux.contains(#"<kbd>Ctrl</kbd>+<kbd>b</kbd>"#))
        #expect(tmux.contains(#"<pre class="code language-bash" data-line="1">"#))
        #expect(tmux.contains(#"<span class="co"># a named session"#), "bash is highlighted by Pygments")
        #expect(tmux.contains(#"A terminal multiplexer: keep shells running after you log out. The"#), "the intro is shown")
        #expect(tmux.contains(#"<a href="shell.html">shell sheet</a>"#) && tmux.contains(#"<a href="shell.html#history">shell&#39;s history</a>"#))
        #expect(tmux.contains("{{ this }}"), "{{ }} in a raw block is text")
        #expect(tmux.contains(#"<span class="category">Terminal</span>"#) && tmux.contains("Updated 2025-02-14"))
        #expect(tmux.contains(#"<meta name="description" content="Sessions, windows and panes from the keyboard.">"#))
        #expect(!tmux.contains("snippet-count"), "a sheet with nothing verified says nothing about verified snippets")
        let shell = try directory.read("site/shell.html")
        #expect(shell.contains(#"<article class="card" id="history-1""#))
        #expect(shell.contains(#"<a href="tmux.html">tmux</a>"#))
        let index = try directory.read("site/index.html")
        let terminal = try #require(index.range(of: #"<h2 class="group-title" id="category-terminal--title">Terminal</h2>"#))
        let other = try #require(index.range(of: #">Other</h2>"#))
        #expect(terminal.upperBound < other.lowerBound, "named categories first, the rest under Other")
        let shellCard = try #require(index.range(of: #"href="shell.html""#)), tmuxCard = try #require(index.range(of: #"href="tmux.html""#))
        #expect(shellCard.lowerBound < tmuxCard.lowerBound, "weight -5 before weight -2")
        #expect(index.contains("3 cheatsheets, 1 snippet, each one verified with"))
    }

    @Test func categoriesThatDifferOnlyInCaseAreOneGroup() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        for (id, category) in [("awk", "terminal"), ("sed", "Terminal"), ("grep", "Terminal")] {
            try directory.write("---\ntitle: \(id)\ncategory: \(category)\n---\n\n## Basics\n\nText.\n", to: "content/\(id).md")
        }
        let result = try await Cheatgen.run(["build", "content", "--output", "site", "--quiet"], in: directory)
        try #require(result.status == 0, "\(result.standardError)")
        let index = try directory.read("site/index.html")
        #expect(index.components(separatedBy: "class=\"group-title\"").count - 1 == 1, "one group, one heading")
        #expect(index.contains(#"<h2 class="group-title" id="category-terminal--title">Terminal</h2>"#), "named as most of its sheets write it")
        for id in ["awk", "sed", "grep"] { #expect(index.contains("href=\"\(id).html\"")) }
    }

    @Test func nothingReadIsShownAsMarkupSyntax() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        for page in ["tmux.html", "shell.html", "swift-strings.html", "index.html"] {
            var html = try directory.read("site/\(page)")
            // Code may show anything; prose may not show attribute lists or Liquid tags.
            html = html.replacingOccurrences(of: "<pre[^>]*>[\\s\\S]*?</pre>", with: "", options: .regularExpression)
            html = html.replacingOccurrences(of: "<code>[\\s\\S]*?</code>", with: "", options: .regularExpression)
            #expect(!html.contains("{:"), "\(page) shows a kramdown attribute list")
            #expect(!html.contains("{%"), "\(page) shows a Liquid tag")
            #expect(!html.contains("| ---"), "\(page) shows a table as text")
        }
    }

    @Test func aSheetVerifiesOnlyTheLanguagesItNames() async throws {
        let (directory, result) = try await built()
        defer { directory.remove() }
        try #require(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/swift-strings.html")
        #expect(page.components(separatedBy: "badge-run").count - 1 == 1, "one verified mark, on the Swift snippet")
        #expect(page.contains(#"<span class="snippet-count">1 verified snippet</span>"#))
        #expect(page.contains(#"<pre class="code language-python">"#), "the Python block is shown as plain code")
    }

    @Test func aSiteThatVerifiesNothingClaimsNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("jekyll", as: "content")
        try directory.write("verify: false\n", to: "cheatgen.yml")
        // The one sheet that asks for Swift keeps asking: a sheet's own verify: wins.
        try directory.edit("content/swift-strings.md", replacing: "verify: [swift]\n", with: "")
        let result = try await Cheatgen.run(["build", "content", "--output", "site"], in: directory)
        try #require(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 0 skipped", "wrote site/: 3 sheets"])
        let index = try directory.read("site/index.html")
        #expect(index.contains(#"<p class="index-summary">3 cheatsheets.</p>"#))
        #expect(index.contains("Nothing on this site was run: its code is shown as written."))
        #expect(!index.contains("verified"), "no page of a site that verified nothing says verified")
        let page = try directory.read("site/swift-strings.html")
        #expect(!page.contains("badge") && !page.contains("verified"))
    }
}
