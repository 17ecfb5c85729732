import Foundation
import Testing
@testable import CheatgenCore

/// The checks the end-to-end site tests rely on must be able to fail: the HTML scanner finds
/// markup that leaked, and the link checker finds a link that goes nowhere.
@Suite("Test support: reading built pages")
struct SiteSupportTests {
    @Test func theScannerSeesTagsAndAttributesButNotEscapedText() {
        let tags = HTMLScanner.tags(in: """
            <!DOCTYPE html><p class="x">&lt;img src=x onerror=alert(1)&gt; a &lt; b</p>
            <img src=x onerror=alert(1)><a HREF='#t' title="a &quot;q&quot; &amp; &#39;s&#39;">t</a><br/>
            """)

        #expect(tags.map(\.name) == ["p", "img", "a", "br"])
        #expect(tags[1].attributes.map(\.name) == ["src", "onerror"])
        #expect(tags[1].value(of: "onerror") == "alert(1)")
        #expect(tags[2].value(of: "href") == "#t")
        #expect(tags[2].value(of: "title") == "a \"q\" & 's'")
    }

    @Test func theLinkCheckerFindsMissingFilesAndAnchors() {
        let pages = [
            "a.html": ##"<h2 id="here">x</h2><a href="#here">ok</a>"##,
            "sub/b.html": ##"<a href="../a.html#here">ok</a>"##,
        ]
        let files = Set(pages.keys).union(["assets/style.css"])
        func check(_ address: String, on page: String = "a.html") -> String? {
            problem(with: address, on: page, pages: pages, files: files)
        }

        #expect(check("#here") == nil)
        #expect(check("#") == nil, "the top of the page")
        #expect(check("a.html#here", on: "a.html") == nil)
        #expect(check("../a.html#here", on: "sub/b.html") == nil)
        #expect(check("assets/style.css") == nil)
        #expect(check("#gone") == "a.html: '#gone': a.html has no element with id 'gone'")
        #expect(check("b.html") == "a.html: 'b.html' names b.html, which was not built")
        #expect(check("../a.html") == "a.html: '../a.html' leaves the site")
        #expect(check("/a.html") != nil)
        #expect(check("javascript:alert(1)") != nil, "a scheme that is not http(s) or mailto is not a working link")
    }

    @Test func treesThatDifferAreSaidToDiffer() {
        let a = ["x": Data("1".utf8), "y": Data("2".utf8)]
        #expect(treeDifferences(a, a) == [])
        #expect(treeDifferences(a, ["x": Data("1".utf8), "y": Data("3".utf8), "z": Data()]) == ["differs: y", "only in the second: z"])
    }

    @Test func versionsAreNormalizedButProseIsNot() {
        #expect(Golden.normalizingVersions("with Python 3.11 and Swift 6.3.1; Swift 6 rejects; Node 18")
                == "with Python <version> and Swift <version>; Swift 6 rejects; Node <version>")
    }
}
