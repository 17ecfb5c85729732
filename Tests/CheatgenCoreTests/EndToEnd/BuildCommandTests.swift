import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification

/// `cheatgen build`, run as a user runs it, on `Fixtures/site/`: three sheets that link to each
/// other, a Swift sheet (`alpha`: `related:`, `uses=`, `compile-fail`, `ignore`, hidden lines)
/// with twins in a Python sheet (`beta`), and a sheet with a `should-crash` snippet (`gamma`).
@Suite("cheatgen build, end to end", .serialized)
struct BuildCommandTests {
    /// A temporary working directory holding the fixture sheets as `content/`.
    private func siteFixture() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.copyFixture("site", as: "content")
        return directory
    }

    /// Builds `content/` into `output`; records an issue unless it succeeded.
    @discardableResult
    private func build(_ directory: TemporaryDirectory, output: String = "site", extra: [String] = [],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> CommandResult {
        let result = try await Cheatgen.run(["build", "content", "--output", output, "--quiet"] + extra, in: directory)
        #expect(result.status == 0, "build failed:\n\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError == "", sourceLocation: sourceLocation)
        #expect(result.outputLines == ["snippets: 6 passed, 0 failed, 1 skipped", "wrote \(output)/: 3 sheets"], sourceLocation: sourceLocation)
        return result
    }

    @Test func writesEveryPageOfTheSite() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        let files = try fileTree(at: directory.url.appendingPathComponent("site")).keys.sorted()
        #expect(files == [
            ".cheatgen-site", "404.html", "alpha.html", "assets/search.js", "assets/snippets.js", "assets/style.css", "beta.html",
            "compare/alpha--beta.html", "gamma.html", "index.html", "search/f/0.js", "search/f/1.js", "search/f/2.js", "search/i/0.js",
            "search/meta.js",
        ])
    }

    @Test func sheetPageAndIndexMatchTheirGoldenFiles() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        for page in ["alpha.html", "index.html"] {
            let html = try directory.read("site/\(page)")
            try Golden.check(Golden.normalizingVersions(html), against: page)
        }
        // What the golden files pin down, said out loud, so that a careless rewrite is caught.
        let alpha = try directory.read("site/alpha.html")
        #expect(alpha.contains(#"<code><span class="hidden-lines"><span class="kw">import</span> Foundation\#n</span><span class="kw">func</span> greet"#),
                "hidden lines are in place, in a span the stylesheet hides")
        #expect(alpha.contains(#"<figure class="snippet snippet-run" data-program="import Foundation\#nfunc greet(_ name: String) -&gt; String { &quot;Hello, \(name)!&quot; }\#n\#nprint(greet(&quot;Ada&quot;))\#n">"#),
                "a snippet that uses another copies as one program: the declarations it uses, then its code")
        #expect(!alpha.contains("snippet.hide"), "markers are neither shown nor copied")
        #expect(alpha.contains(#"<div class="twin-panel" id="sorting--twin-1" data-label="Python" data-language="python" hidden>"#))
        #expect(alpha.contains(#"<span class="ty">print</span>(<span class="ty">sorted</span>(scores))</code></pre>"#), "the twin's code is on the page")
        #expect(alpha.contains(#"<p class="sheet-verified">Snippets verified with Swift "#))
        #expect(alpha.contains(##"<p class="snippet-uses">Builds on <a href="#helpers">Helpers</a></p>"##))
        #expect(alpha.contains(##"<a class="compare-link" href="compare/alpha--beta.html">side by side with Beta in Python</a>"##))
        #expect(alpha.contains(##"<pre class="output compiler-error"><code>error: cannot convert value of type &#39;String&#39; to specified type &#39;Int&#39;</code></pre>"##))
        #expect(alpha.contains(##"<span class="snippet-count">4 verified snippets</span>"##), "the ignored snippet is not counted")
    }

    @Test func theDayOfVerificationShowsWhenTheBuildSaysIt() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory, environment: ["SOURCE_DATE_EPOCH": "1795000000"])

        #expect(result.status == 0, "\(result.standardError)")
        let beta = try directory.read("site/beta.html")
        #expect(Golden.normalizingVersions(beta).contains(#"<p class="sheet-verified">Snippets verified with Python <version> on 2026-11-18</p>"#))
        #expect(try directory.read("site/gamma.html").contains(" on 2026-11-18</p>"))
    }

    @Test func everyInternalLinkResolvesToAFileAndAnAnchor() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        let site = directory.url.appendingPathComponent("site")
        let files = Set(try fileTree(at: site).keys)
        let pages = try htmlPages(in: site)
        var checked = 0
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            for tag in HTMLScanner.tags(in: html) {
                for attribute in ["href", "src"] {
                    guard let address = tag.value(of: attribute), !isExternal(address) else { continue }
                    checked += 1
                    if let problem = problem(with: address, on: page, pages: pages, files: files) {
                        Issue.record(Comment(rawValue: problem))
                    }
                }
            }
        }
        #expect(checked > 50, "the scan found the links (\(checked))")
        // Cross-links of the sheets, as rewritten, are among them.
        #expect(pages["alpha.html"]?.contains(##"<a href="beta.html#sorting">sorting in Beta</a>"##) == true)
        #expect(pages["beta.html"]?.contains(##"<a href="alpha.html#collections">Alpha&#39;s collections</a>"##) == true)
        #expect(pages["gamma.html"]?.contains(##"<a href="alpha.html#rejected-by-swift-6">what Swift rejects</a>"##) == true)
    }

    @Test func everyIDIsUniqueOnItsPage() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        for (page, html) in try htmlPages(in: directory.url.appendingPathComponent("site")) {
            let all = ids(in: html)
            let repeated = Set(all.filter { id in all.count { $0 == id } > 1 })
            #expect(repeated.isEmpty, "\(page) repeats ids \(repeated.sorted())")
        }
    }

    @Test func cardTitlesThatNameThePagesOwnElementsDoNotRepeatTheirIDs() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        // Headings whose anchors are ids the page template already uses.
        try directory.write("""
            ---
            title: Clashing anchors
            ---

            ## Limits

            ### Limits title

            ### Main

            ### Search input

            """, to: "content/clash.md")

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)
        #expect(result.status == 0)
        let html = try directory.read("site/clash.html")
        let all = ids(in: html)
        for id in ["main", "search-input", "limits-title"] {
            #expect(all.count { $0 == id } == 1, "id '\(id)' appears \(all.count { $0 == id }) times")
        }
    }

    @Test func twoBuildsOfTheSameContentAreByteIdentical() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        // The first verifies everything; the second takes every verdict from the cache.
        try await build(directory, output: "first")
        try await build(directory, output: "second")

        let first = try fileTree(at: directory.url.appendingPathComponent("first"))
        let second = try fileTree(at: directory.url.appendingPathComponent("second"))
        #expect(first.count == 15)
        #expect(treeDifferences(first, second) == [])
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        try await build(directory)
        let before = try fileTree(at: directory.url.appendingPathComponent("site"))

        // One snippet now prints something else than its output block says.
        try directory.edit("content/alpha.md", replacing: "print(scores.sorted())", with: "print(scores.sorted(by: >))")
        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        #expect(result.status == 1)
        let text = try directory.read("content/alpha.md")
        let output = try lineNumber(of: "[72, 88, 95]", in: text)  // the first line that differs
        #expect(result.errorLines == [
            "content/alpha.md:\(output):1: error: snippet output does not match the 'output' block",
            "--- expected",
            "+++ actual",
            "@@ -1,1 +1,1 @@",
            "-[72, 88, 95]",
            "+[95, 88, 72]",
            "cheatgen: error: not writing site/ because verification failed; the previous site is untouched",
        ])
        #expect(result.outputLines == ["snippets: 5 passed, 1 failed, 1 skipped"])
        #expect(treeDifferences(before, try fileTree(at: directory.url.appendingPathComponent("site"))) == [])
        #expect(directory.entries().filter { $0.hasPrefix(".site.") } == [], "no staging or old folder is left behind")
    }

    @Test func aSuccessfulBuildReplacesTheWholeFolder() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        try await build(directory)
        try directory.write("left over", to: "site/stale.html")
        try directory.edit("content/gamma.md", replacing: "title: Gamma Traps", with: "title: Gamma Pitfalls")

        try await build(directory)

        #expect(!directory.exists("site/stale.html"), "the site is swapped in whole, not written over the old one")
        #expect(try directory.read("site/gamma.html").contains("<h1>Gamma Pitfalls</h1>"))
        #expect(directory.entries().filter { $0.hasPrefix(".site.") } == [])
    }

    @Test func aBaseURLAddsASitemapAndMakesThe404PageWorkAnywhere() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        try directory.write("title: \"Fixture <Sheets>\"\nbase-url: https://example.org/cheats\n", to: "cheatgen.yml")

        try await build(directory)

        #expect(try directory.read("site/sitemap.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://example.org/cheats/index.html</loc></url>
            <url><loc>https://example.org/cheats/alpha.html</loc></url>
            <url><loc>https://example.org/cheats/beta.html</loc></url>
            <url><loc>https://example.org/cheats/gamma.html</loc></url>
            </urlset>

            """)
        // 404.html is served at any depth, so everything it loads or links to is absolute.
        let notFound = HTMLScanner.tags(in: try directory.read("site/404.html"))
        let addresses = notFound.flatMap { tag in ["href", "src"].compactMap { tag.value(of: $0) } }.filter { !$0.hasPrefix("#") }
        #expect(addresses.count == 5)
        #expect(addresses.allSatisfy { $0.hasPrefix("https://example.org/cheats/") }, "\(addresses)")
        // The site title, escaped, on every page.
        #expect(try directory.read("site/alpha.html").contains("<title>Alpha Basics — Fixture &lt;Sheets&gt;</title>"))
        #expect(try directory.read("site/index.html").contains("<h1 class=\"index-title\">Fixture &lt;Sheets&gt;</h1>"))
    }

    @Test func buildNeverReplacesTheFolderOfItsOwnSheets() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        let content = directory.url.appendingPathComponent("content")
        let sheets = try fileTree(at: content)

        // A slip of the finger: the output is the content folder.
        let result = try await Cheatgen.run(["build", "content", "--output", "content", "--quiet"], in: directory)

        let after = try fileTree(at: content)
        #expect(result.status == 2, "refused as a usage error")
        #expect(result.errorLines == ["cheatgen: error: refusing to write the site to content: it holds or lies inside the sheets (\(directory.path)/content)"])
        #expect(treeDifferences(sheets, after) == [], "the sheets are still there")
    }

    @Test func aBrokenCrossLinkIsReportedAtTheLink() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        try directory.edit("content/alpha.md", replacing: "[sorting in Beta](beta.md#sorting)", with: "[sorting in Beta](beta.md#nope)")
        let text = try directory.read("content/alpha.md")

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        let line = try lineNumber(of: "(beta.md#nope)", in: text)
        let column = try columnNumber(of: "[sorting in Beta]", in: text)
        #expect(result.errorLines == [
            "content/alpha.md:\(line):\(column): error: link to 'beta.md#nope': sheet 'beta' has no section or card with anchor '#nope'",
            "cheatgen: error: not writing site/ because verification failed; the previous site is untouched",
        ])
        #expect(result.outputLines == ["snippets: 6 passed, 0 failed, 1 skipped (1 content error)"])
        #expect(result.status == 1)
        #expect(!directory.exists("site"))
    }

    @Test func aBrokenTwinIsReportedAtItsFrontMatterLine() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }
        // One twin names an anchor the other sheet lacks, one an anchor this sheet lacks.
        try directory.edit("content/alpha.md", replacing: "    sorting: sorting\n", with: "    sorting: nope\n    missing: sorting\n")
        let text = try directory.read("content/alpha.md")

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        let other = try lineNumber(of: "sorting: nope", in: text)
        let own = try lineNumber(of: "missing: sorting", in: text)
        #expect(result.errorLines == [
            "content/alpha.md:\(other):5: error: twin 'sorting': sheet 'beta' has no section or card with anchor '#nope'",
            "content/alpha.md:\(own):5: error: twin 'missing': this sheet has no section or card with that anchor",
            "cheatgen: error: not writing site/ because verification failed; the previous site is untouched",
        ])
        #expect(result.status == 1)
    }

    @Test func theComparisonPageShowsBothTwinsSideBySide() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        let html = try directory.read("site/compare/alpha--beta.html")
        let tags = HTMLScanner.tags(in: html)
        let cards = tags.filter { $0.name == "article" && $0.value(of: "class") == "card" }.compactMap { $0.value(of: "id") }
        // A section twin and a card twin, each as a row of the two sheets' cards.
        #expect(cards == ["alpha--collections", "beta--collections", "alpha--sorting", "beta--sorting"])
        #expect(html.contains("<h1 class=\"compare-title\">Alpha Basics and Beta in Python, side by side</h1>"))
        #expect(html.contains("<code><span class=\"kw\">let</span> scores = [<span class=\"nu\">72</span>"), "the Swift card's code")
        #expect(html.contains("<pre class=\"code language-python\"><code>scores "), "the Python card's code")
        // Its links go up one folder.
        #expect(html.contains("<h2 class=\"card-title\"><a href=\"../alpha.html#sorting\">Sorting</a></h2>"))
        #expect(html.contains("<h2 class=\"card-title\"><a href=\"../beta.html#sorting\">Sorting</a></h2>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
        // Both sheets link to it, and each twinned section links to its row once, in its heading;
        // cards carry no link lines (their language tabs lead to the twin).
        #expect(try directory.read("site/beta.html").contains("<a class=\"compare-link\" href=\"compare/alpha--beta.html\">side by side with Alpha Basics</a>"))
        for sheet in ["alpha", "beta"] {
            let page = try directory.read("site/\(sheet).html")
            #expect(page.contains("<a class=\"compare-row-link\" href=\"compare/alpha--beta.html#\(sheet)--collections\">Side by side →</a></h2>"), "\(sheet)")
            #expect(HTMLScanner.tags(in: page).filter { $0.value(of: "class") == "compare-row-link" }.count == 1, "\(sheet)")
            #expect(!page.contains("Same idea in") && !page.contains("twin-link"), "\(sheet)")
        }
    }

    private struct SearchEntry: Decodable {
        var title: String
        var sheet: String
        var url: String
        var kind: String
        var text: String
    }

    @Test func theSearchIndexHasEverySheetSectionAndCardWithWorkingURLs() async throws {
        let directory = try siteFixture()
        defer { directory.remove() }

        try await build(directory)

        let site = directory.url.appendingPathComponent("site")
        // Every sheet's fragment, in page order (sheets sorted by title).
        var entries: [SearchEntry] = []
        for number in 0..<3 {
            let script = try String(contentsOf: site.appendingPathComponent("search/f/\(number).js"), encoding: .utf8)
            let prefix = "window.cheatgenSearch.loaded(\"f/\(number)\", "
            #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
            entries += try JSONDecoder().decode([SearchEntry].self, from: Data(script.dropFirst(prefix.count).dropLast(3).utf8))
        }
        #expect(entries.filter { $0.kind == "sheet" }.map(\.url) == ["alpha.html", "beta.html", "gamma.html"])
        #expect(entries.filter { $0.kind == "section" }.map(\.url) == [
            "alpha.html#collections", "alpha.html#limits", "beta.html#collections", "gamma.html#traps",
        ])
        #expect(entries.filter { $0.kind == "card" }.map(\.url) == [
            "alpha.html#sorting", "alpha.html#helpers", "alpha.html#greeting", "alpha.html#rejected-by-swift-6",
            "alpha.html#pseudocode", "beta.html#sorting", "gamma.html#out-of-range-with-0",
        ])
        #expect(Set(entries.map(\.kind)) == ["sheet", "section", "card"])
        let sorting = try #require(entries.first { $0.url == "alpha.html#sorting" })
        #expect(sorting.title == "Sorting" && sorting.sheet == "Alpha Basics")
        #expect(sorting.text.contains("print(scores.sorted())"), "visible code is searchable")
        #expect(!(entries.first { $0.url == "alpha.html#helpers" }?.text.contains("import Foundation") ?? true), "hidden lines are not")

        let files = Set(try fileTree(at: site).keys)
        let pages = try htmlPages(in: site)
        for entry in entries {
            if let problem = problem(with: entry.url, on: "index.html", pages: pages, files: files) {
                Issue.record(Comment(rawValue: problem))
            }
        }
        // A word of a hidden line is not in the index either; a word of the code is.
        let meta = try String(contentsOf: site.appendingPathComponent("search/meta.js"), encoding: .utf8)
        #expect(meta.contains("\"chunks\":[\"") && meta.contains("\"sheets\":3"))
        let words = try String(contentsOf: site.appendingPathComponent("search/i/0.js"), encoding: .utf8)
        #expect(words.contains("\"greet\":[") && !words.contains("\"foundation\":["))
    }
}
