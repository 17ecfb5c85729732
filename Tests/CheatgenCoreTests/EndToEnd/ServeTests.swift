import Foundation
import Testing
@testable import CheatgenCore

/// The status the live pages poll: `{"generation":N,"ok":true}`.
private struct LiveStatus: Decodable, Equatable {
    var generation: Int
    var ok: Bool
}

private func status(port: Int) throws -> LiveStatus {
    let reply = try httpGet(port: port, path: "/__cheatgen/status")
    return try JSONDecoder().decode(LiveStatus.self, from: Data(reply.body.utf8))
}

/// `cheatgen serve`, as a writer runs it: a child process serving `Fixtures/site/` on a free
/// port while the test edits the sheets under it.
@Suite("cheatgen serve, end to end", .serialized)
struct ServeTests {
    @Test func servesRebuildsOnEditsSurvivesAFailingBuildAndStopsOnSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("site", as: "content")
        let site = directory.path + "/site"

        let server = try RunningCheatgen(["serve", "content", "--port", "0", "--output", site], in: directory)
        defer { server.kill() }

        // 1. It builds, then says where it listens.
        let line = try #require(try await server.waitForLine(startingWith: "serving http://127.0.0.1:", seconds: 120),
                                "no 'serving' line; stdout: \(server.standardOutput) stderr: \(server.standardError)")
        let port = try #require(Int(line.dropFirst("serving http://127.0.0.1:".count).prefix { $0.isNumber }))
        #expect(line == "serving http://127.0.0.1:\(port)/ — watching content; Ctrl-C to stop")
        #expect(try status(port: port) == LiveStatus(generation: 1, ok: true))

        let index = try httpGet(port: port, path: "/index.html")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.body.contains("<h2><a href=\"alpha.html\">Alpha Basics</a></h2>"))
        #expect(try httpGet(port: port, path: "/").body == index.body, "/ is the index")
        let page = try httpGet(port: port, path: "/alpha.html")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Alpha Basics</h1>"))
        #expect(page.body.contains("fetch(\"/__cheatgen/status\""), "served pages reload themselves")
        #expect(!page.body.contains("cheatgen-problems"))
        #expect(!(try String(contentsOfFile: site + "/alpha.html", encoding: .utf8)).contains("__cheatgen"), "built files stay clean")
        #expect(try httpGet(port: port, path: "/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")

        // 2. An edit (a title, and a snippet with its output) is rebuilt and served.
        try directory.edit("content/alpha.md", replacing: "title: Alpha Basics", with: "title: Alpha Renamed")
        try directory.edit("content/alpha.md", replacing: "print(greet(\"Ada\"))", with: "print(greet(\"Grace\"))")
        try directory.edit("content/alpha.md", replacing: "Hello, Ada!", with: "Hello, Grace!")
        let second = try await poll(seconds: 120) { try status(port: port).generation >= 2 ? try status(port: port) : nil }
        #expect(second == LiveStatus(generation: 2, ok: true), "stderr: \(server.standardError)")
        let edited = try httpGet(port: port, path: "/alpha.html").body
        #expect(edited.contains("<h1>Alpha Renamed</h1>"))
        #expect(edited.contains("<pre class=\"output\"><code>Hello, Grace!</code></pre>"))

        // 3. A broken snippet: the last good page, with the problem in a banner; still serving.
        try directory.edit("content/alpha.md", replacing: "[72, 88, 95]\n```", with: "[1, 2, 3]\n```")
        let text = try directory.read("content/alpha.md")
        let third = try await poll(seconds: 120) { try status(port: port).generation >= 3 ? try status(port: port) : nil }
        #expect(third == LiveStatus(generation: 3, ok: false), "stderr: \(server.standardError)")
        let broken = try httpGet(port: port, path: "/alpha.html")
        #expect(broken.status == 200)
        #expect(broken.body.contains("<h1>Alpha Renamed</h1>"), "the page of the last good build")
        #expect(broken.body.contains("<div id=\"cheatgen-problems\" role=\"alert\""))
        let output = try lineNumber(of: "[1, 2, 3]", in: text)  // the first line that differs
        #expect(broken.body.contains("content/alpha.md:\(output):1: error: snippet output does not match the &#39;output&#39; block\n--- expected\n+++ actual"))
        #expect(try httpGet(port: port, path: "/index.html").status == 200)
        #expect(server.process.isRunning)

        // 4. Nothing outside the site folder is served, however the path is spelled.
        for path in ["/../content/alpha.md", "/..%2fcontent%2falpha.md", "/%2e%2e/content/alpha.md", "/assets/../../content/alpha.md",
                     "/../../../../etc/passwd", "/nope.html"] {
            let reply = try httpGet(port: port, path: path)
            #expect(reply.status == 404, "\(path) → \(reply.status)")
            #expect(!reply.body.contains("title: Alpha") && !reply.body.contains("root:x:0:0"), "\(path) leaked a file")
            #expect(reply.body.contains("<h1>Not found</h1>"), "\(path): the site's 404 page")
        }

        // 5. SIGTERM stops it cleanly.
        #expect(try await server.stop(SIGTERM, seconds: 10), "still running 10 s after SIGTERM")
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(server.standardError.hasSuffix("cheatgen: server stopped\n"))
        #expect(directory.entries().filter { $0.hasPrefix(".site.") } == [], "no half-written site is left")
    }
}
