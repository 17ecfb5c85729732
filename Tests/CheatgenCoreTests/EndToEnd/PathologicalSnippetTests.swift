import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenSite

/// Snippets that make a parser slow — deep `[`, huge lines, thousands of interpolations — built
/// through the real binary: each sheet builds in seconds, and a block swift-syntax is not asked
/// to parse is shown plain with a warning at its fence.
@Suite("Pathological snippets", .serialized)
struct PathologicalSnippetTests {
    /// A name, the one line of Swift, and whether it is too costly to parse (warned, plain).
    static let cases: [(name: String, code: String, plain: Bool)] = [
        ("typo", "let area = { side" + String(repeating: "[", count: 26) + " * side }", true),
        ("open-square", "let x = a" + String(repeating: "[", count: 40), true),
        ("closed-square", "let x = " + String(repeating: "[", count: 30) + "1" + String(repeating: "]", count: 30), true),
        ("square-in-type", "let x: " + String(repeating: "[", count: 30) + "Int", true),
        ("square-in-interpolations", "let s = \"" + String(repeating: "\\(a[", count: 30) + "\"", true),
        ("mixed", "let x = f" + String(repeating: "([{", count: 100), true),
        ("many-interpolations", "let s = \"" + String(repeating: "\\(a)", count: 20_000) + "\"", true),
        ("long-line", "let x = " + Array(repeating: "a", count: 30_000).joined(separator: " + "), true),
        ("long-line-under-the-limit", "let x = " + Array(repeating: "a", count: 3_500).joined(separator: " + "), false),
        ("open-paren", "let x = f" + String(repeating: "(", count: 400), false),
        ("closed-paren", "let x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200), false),
        ("open-brace", "let x = " + String(repeating: "{", count: 300), false),
        ("angles", "let x: A" + String(repeating: "<A", count: 300) + " = 1", false),
        ("nested-interpolations", "let s = " + String(repeating: "\"\\(", count: 60) + "1" + String(repeating: ")\"", count: 60), false),
        ("a-few-squares", "let grid: [[[Int]]] = [[[1, 2], [3]], [[4]]]\nprint(grid[0][0][1])", false),
    ]

    /// `1m2.345s` → 62.345.
    static func seconds(_ text: Substring) -> Double {
        let parts = text.dropLast().split(separator: "m")
        guard parts.count == 2, let minutes = Double(parts[0]), let seconds = Double(parts[1]) else { return .infinity }
        return minutes * 60 + seconds
    }

    @Test(arguments: cases.map(\.name))
    func buildsInSecondsWithAWarningWhenShownPlain(_ name: String) async throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        let text = "---\ntitle: Slow\nverify: false\n---\n\n## Case\n\n### \(name)\n\n```swift\n\(testCase.code)\n```\n"
        try directory.write(text, to: "content/slow.md")

        // The build's processor time, not the time on the wall (which a busy machine stretches):
        // the shell's `times` prints its children's user and system time last.
        let result = try await Cheatgen.run(["-c", "\"$0\" build content --quiet; status=$?; times >&2; exit $status", try Cheatgen.executable.path],
                                      in: directory, executable: URL(fileURLWithPath: "/bin/sh"))
        let times = try #require(result.errorLines.last).split(separator: " ").map(Self.seconds)
        let seconds = times.reduce(0, +)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(times.count == 2 && seconds < 5, "the build took \(seconds) s of processor time")
        let warnings = result.errorLines.filter { $0.contains(": warning: ") }
        if testCase.plain {
            #expect(warnings.count == 1)
            #expect(warnings.first?.hasPrefix("content/slow.md:10:1: warning: this Swift code is shown without highlighting because ") == true,
                    "\(warnings)")
            let page = try directory.read("site/slow.html")
            #expect(page.contains(HTML.escape(String(testCase.code.prefix(40)))), "the code is on the page, plain")
        } else {
            #expect(warnings.isEmpty, "\(warnings)")
        }
    }

    /// `serve` rebuilds a sheet saved with the typo in seconds and answers all the while.
    @Test func serveStaysResponsiveWhileTheTypoIsSaved() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("content"), withIntermediateDirectories: true)
        let sheet = { (code: String) in "---\ntitle: Area\nverify: false\n---\n\n## Shapes\n\n### Square\n\n```swift\n\(code)\n```\n" }
        try directory.write(sheet("let area = { side[0] * side[0] }"), to: "content/area.md")
        let server = try RunningCheatgen(["serve", "content", "--port", "0", "--output", directory.path + "/site"], in: directory)
        defer { server.kill() }
        let line = try #require(try await server.waitForLine(startingWith: "serving http://127.0.0.1:", seconds: 120), "\(server.standardError)")
        let port = try #require(Int(line.dropFirst("serving http://127.0.0.1:".count).prefix { $0.isNumber }))

        try directory.write(sheet(Self.cases[0].code), to: "content/area.md")
        let saved = Date()
        // Every answer comes at once while the sheet is rebuilt; the rebuild ends in seconds.
        let rebuilt = try await poll(seconds: 60) { () -> Bool? in
            let asked = Date()
            let reply = try httpGet(port: port, path: "/__cheatgen/status", timeoutSeconds: 5)
            #expect(Date().timeIntervalSince(asked) < 2, "the status took \(Date().timeIntervalSince(asked)) s")
            let status = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
            return (status?["generation"] as? Int ?? 0) >= 2 ? true : nil
        }
        #expect(rebuilt == true, "no second build within 60 s: \(server.standardError)")
        #expect(Date().timeIntervalSince(saved) < 30)
        #expect(server.standardError.contains("content/area.md:10:1: warning: this Swift code is shown without highlighting"), "\(server.standardError)")
        let page = try httpGet(port: port, path: "/area.html")
        #expect(page.body.contains(HTML.escape("side[[[[[[[[")))
    }
}
