import Foundation
import Testing
@testable import CheatgenModel

/// Input written to break cheatgen: snippets that hang, flood, crash or reach outside their
/// folder; Markdown that is huge, deep, empty or not a file; content made of markup payloads.
/// Each must end as a diagnostic at its place (or pass, where it is harmless), never as a hang,
/// a crash of cheatgen, a stray file or process, or markup on a built page.
@Suite("Hardening", .serialized)
struct HostileInputTests {
    // MARK: - Snippets

    @Test func hostileSnippetsAreCaughtAtTheirLinesAndTheOthersStillPass() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = try directory.copyFixture("hostile-snippets.md")
        let text = try directory.read(sheet)

        let result = try await Cheatgen.run(["check", sheet, "--no-cache", "--quiet"], in: directory)
        let lines = result.errorLines
        func fence(_ card: String) throws -> Int { try lineNumber(of: "```swift", below: "### \(card)", in: text) }
        func first(_ card: String) throws -> String? {
            let prefix = "hostile-snippets.md:\(try fence(card)):1: error: "
            return lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 2 passed, 9 failed, 0 skipped"], "the first and last cards pass")

        // Hangs: an endless loop, a deadlocked semaphore, a continuation never resumed.
        let timedOut = "snippet timed out after 1 s and was killed (raise it with timeout=<seconds>)"
        #expect(try first("Spins forever") == timedOut)
        #expect(try first("Waits on a semaphore nobody signals") == timedOut)
        #expect(try first("Awaits a continuation nobody resumes") == timedOut)
        // The runtime's complaint about the leaked continuation is shown under it.
        #expect(lines.contains { $0.hasPrefix("  stderr: SWIFT TASK CONTINUATION MISUSE:") })

        // A flood of output is cut off at the cap.
        #expect(try first("Prints forever") == "snippet printed more than 4 MiB and was stopped")

        // Traps carry the runtime's message, at the Markdown line that trapped (the runtime's
        // backtrace, through the line tables), with the column of the trapping expression.
        func crash(at needle: String, column: String) throws -> String? {
            let line = try lineNumber(of: needle, in: text)
            let content = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
            let range = try #require(content.range(of: column))
            let prefix = "hostile-snippets.md:\(line):\(content.distance(from: content.startIndex, to: range.lowerBound) + 1): error: "
            return lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }
        #expect(try crash(at: "fatalError(\"x\")", column: "fatalError") == "snippet crashed: \(trapSignalName): Fatal error: x")
        #expect(try crash(at: "print(missing!)", column: "!)")
                == "snippet crashed: \(trapSignalName): Fatal error: Unexpectedly found nil while unwrapping an Optional value")
        #expect(try crash(at: "print(numbers[3])", column: "[3]") == "snippet crashed: \(trapSignalName): Fatal error: Index out of range")
        // Signals without a Swift message.
        // abort() is not unwound past libc's pthread_kill, so it is reported at the fence.
        #expect(try first("Aborts") == "snippet crashed: signal 6 SIGABRT (abort)")
        #expect(try crash(at: "UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1", column: "= 1")
                == "snippet crashed: signal 11 SIGSEGV (segmentation fault)")

        // Nine failures, each reported once, in file order.
        let places = lines.compactMap { line -> Int? in
            guard line.hasPrefix("hostile-snippets.md:"), line.contains(": error: ") else { return nil }
            return Int(line.split(separator: ":")[1])
        }
        #expect(places.count == 9)
        #expect(places == places.sorted())
    }

    @Test func snippetsCannotLeaveFilesOrProcessesBehind() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.copyFixture("escaping-snippets.md", as: "content/escaping-snippets.md")
        let sleeping = { runningCommandLines().filter { $0.count >= 2 && $0[0].hasSuffix("sleep") && $0[1] == "317" } }
        try #require(sleeping().isEmpty, "a 'sleep 317' from elsewhere is running; this test needs that duration to itself")
        let testDirectoryHadOutTxt = FileManager.default.fileExists(atPath: "out.txt")

        let result = try await Cheatgen.run(["check", "content", "--no-cache", "--quiet"], in: directory)

        // readLine() got end of input at once (stdin is /dev/null); the file was written and the
        // process started, each in the snippet's own world.
        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 4 passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
        // Its folder is gone with everything in it.
        #expect(!directory.exists("out.txt"))
        #expect(directory.entries("content") == ["escaping-snippets.md"])
        #expect(FileManager.default.fileExists(atPath: "out.txt") == testDirectoryHadOutTxt)
        #expect(directory.entries(".cheatgen/scratch") == [])
        // The process it started died with it.
        #expect(sleeping().isEmpty, "a snippet's background process outlived it: \(sleeping())")
    }

    /// A snippet that runs `sh -c '<command>'` with posix_spawn and waits for the shell (not
    /// Foundation's `Process`, whose `waitUntilExit()` on Linux also waits for grandchildren
    /// that inherited its internal socket, and so would hang the snippet itself).
    private func shellSnippet(_ command: String, card: String) -> String {
        header + """

            ## Background

            ### \(card)

            ```swift timeout=5
            import Glibc
            var pid: pid_t = 0
            let words = ["/bin/sh", "-c", "\(command)"]
            var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { fatalError("cannot spawn") }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            print("shell returned \\(status)")
            ```

            ```output
            shell returned 0
            ```

            """
    }

    private func sleepers(_ seconds: String) -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let pid = Int32(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.count == 2 && words[0].hasSuffix("sleep") && words[1] == seconds ? pid : nil
        }
    }

    @Test func aShellJobLeftInTheBackgroundDiesWithItsSnippet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try #require(sleepers("323").isEmpty, "a 'sleep 323' from elsewhere is running")
        defer { for pid in sleepers("323") { kill(pid, SIGKILL) } }
        try directory.write(shellSnippet("/bin/sleep 323 &", card: "A shell starts a job and returns"), to: "job.md")

        let result = try await Cheatgen.run(["check", "job.md", "--quiet"], in: directory)

        // The job still holds the snippet's output pipe when the snippet ends: no matter.
        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        #expect(sleepers("323").isEmpty, "the job outlived its snippet")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"), "needs util-linux's setsid"))
    func aProcessInANewSessionDoesNotOutliveItsSnippet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try #require(sleepers("324").isEmpty, "a 'sleep 324' from elsewhere is running")
        // Whatever escapes is this test's to clean up.
        defer { for pid in sleepers("324") { kill(pid, SIGKILL) } }
        try directory.write(shellSnippet("/usr/bin/setsid --fork /bin/sleep 324 </dev/null >/dev/null 2>&1", card: "A daemon in a session of its own"),
                            to: "daemon.md")

        let result = try await Cheatgen.run(["check", "daemon.md", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        // Give the daemon a moment to exist (setsid forks it as the shell ends).
        let escaped = try await poll(seconds: 3) { sleepers("324").isEmpty ? nil : sleepers("324") } ?? []
        #expect(escaped.isEmpty, "still running after cheatgen ended: pids \(escaped)")
    }

    @Test func anEnormousSnippetPasses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Ten thousand statements. They sit in a `do` block: as top-level code (a global
        // `var`), swiftc 6.3 itself needs about a minute for them, whatever cheatgen does.
        let body = "do {\n    var x = 0\n" + String(repeating: "    x += 1\n", count: 10_000) + "    print(x)\n}\n"
        try directory.write(header + "\n## Big\n\n### Ten thousand lines\n\n```swift\n\(body)```\n\n```output\n10000\n```\n", to: "enormous.md")

        let result = try await Cheatgen.run(["check", "enormous.md", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
    }

    /// Enough to link one runner from many objects and dispatch among them; kept to 100 (about
    /// 10 s on two cores, each snippet being its own compile) rather than 300.
    static let manySnippets = 100

    @Test func aSheetWithManySnippetsPasses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var markdown = header + "\n## Many\n\n"
        for number in 1...Self.manySnippets {
            markdown += "### Card \(number)\n\n```swift\nprint(\(number) * 2)\n```\n\n```output\n\(number * 2)\n```\n\n"
        }
        try directory.write(markdown, to: "many.md")

        let result = try await Cheatgen.run(["check", "many.md", "--quiet"], in: directory)

        #expect(result.standardError == "")
        #expect(result.outputLines == ["snippets: \(Self.manySnippets) passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
    }

    // MARK: - Markdown

    @Test func aMegabyteOnOneLineParses() throws {
        let line = String(repeating: "word ", count: 200_000)
        let parsed = parse(header + "\n" + line + "\n\n## After\n\n### The long line\n")

        #expect(parsed.diagnostics.isEmpty, "\(parsed.lines)")
        let sheet = try #require(parsed.sheet)
        #expect(sheet.intro.count == 1)
        #expect(sheet.sections.first?.cards.first?.anchor == "the-long-line")
        #expect(sheet.sections.first?.cards.first?.location.line == 9)
    }

    @Test("Nesting 10,000 deep is reported at its line, not followed", arguments: [
        ("quotes", String(repeating: "> ", count: 10_000) + "deep"),
        ("bullet lists", String(repeating: "- ", count: 10_000) + "deep"),
        ("ordered lists", String(repeating: "1. ", count: 10_000) + "deep"),
        ("lists in quotes", String(repeating: "> - ", count: 5_000) + "deep"),
        ("emphasis", String(repeating: "*a ", count: 10_000) + "deep" + String(repeating: " a*", count: 10_000)),
    ])
    func deepNesting(kind: String, markdown: String) throws {
        let parsed = parse(header + "\n" + markdown + "\n\n## After\n")

        #expect(parsed.errors.count == 1, "\(kind): \(parsed.lines)")
        #expect(parsed.errors.first?.id == .nestedTooDeep)
        #expect(parsed.errors.first?.location?.line == 5)
        #expect(parsed.sheet?.sections.map(\.anchor) == ["after"], "the rest of the sheet is still read")
    }

    @Test func anEmptyFileIsAnErrorAtItsFirstLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.write("", to: "content/empty.md")
        try directory.write("\n  \n", to: "content/blank.md")

        let result = try await Cheatgen.run(["check", "content", "--quiet"], in: directory)

        #expect(result.errorLines == [
            "content/blank.md:1:1: error: empty sheet; start it with front matter: ---, title: …, ---",
            "content/empty.md:1:1: error: empty sheet; start it with front matter: ---, title: …, ---",
        ])
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 0 skipped (2 content errors)"])
        #expect(result.status == 1)
    }

    @Test func namesThatAreNotReadableSheetsAreErrorsAtTheirPath() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content/folder.md")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/content/loop.md", withDestinationPath: "loop.md")
        try directory.copyFixture("only-ignored.md", as: "content/fine.md")

        // In a folder, and named on the command line.
        let result = try await Cheatgen.run(["check", "content", "content/loop.md", "--quiet"], in: directory)

        #expect(result.errorLines == [
            "content/folder.md:1:1: error: cannot read sheet: Is a directory",
            "content/loop.md:1:1: error: cannot read sheet: Too many levels of symbolic links",
        ])
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 1 skipped (2 content errors)"])
        #expect(result.status == 1)
    }

    @Test(.disabled(if: getuid() == 0, "root reads a file whatever its mode, so chmod 000 cannot make it unreadable"))
    func aSheetWithoutReadPermissionIsAnError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.copyFixture("only-ignored.md", as: "locked.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: directory.path + "/locked.md")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory.path + "/locked.md") }

        let result = try await Cheatgen.run(["check", "locked.md", "--quiet"], in: directory)

        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix("locked.md:1:1: error: cannot read sheet: ") == true)
        #expect(result.status == 1)
    }

    @Test func twoSheetsWithTheSameIDAreAnError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("a")
        try directory.makeFolder("b")
        try directory.write("---\ntitle: X from a\n---\n", to: "a/x.md")
        try directory.write("---\ntitle: X from b\n---\n", to: "b/x.md")

        let result = try await Cheatgen.run(["check", "a", "b", "--quiet"], in: directory)

        #expect(result.errorLines == [
            "b/x.md:1:1: error: two sheets have the id 'x'",
            "a/x.md:1:1: note: the other one is here",
        ])
        #expect(result.outputLines == ["snippets: 0 passed, 0 failed, 0 skipped (1 content error)"])
        #expect(result.status == 1)
    }

    @Test func usesMustNameAnEarlierSnippet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = header + """

            ## Uses

            ### Names a later snippet

            ```swift uses=later
            print(later())
            ```

            ### Later

            ```swift id=later
            func later() -> Int { 1 }
            ```

            ### A cycle

            ```swift id=ping uses=pong
            func ping() {}
            ```

            ```swift id=pong uses=ping
            func pong() {}
            ```

            """
        try directory.write(text, to: "uses.md")

        let result = try await Cheatgen.run(["check", "uses.md", "--quiet"], in: directory)

        let forward = try lineNumber(of: "uses=later", in: text)
        let ping = try lineNumber(of: "id=ping uses=pong", in: text)
        let pong = try lineNumber(of: "id=pong uses=ping", in: text)
        #expect(result.errorLines == [
            "uses.md:\(forward):1: error: 'uses=later': no snippet above has 'id=later' in this sheet",
            "uses.md:\(ping):1: error: 'uses=pong': no snippet above has 'id=pong' in this sheet",
            "uses.md:\(ping):1: error: 'uses=' forms a cycle: ping → pong → ping",
            "uses.md:\(pong):1: error: 'uses=' forms a cycle: pong → ping → pong",
        ])
        #expect(result.status == 1)
    }

    // MARK: - Safe output

    /// The tag names the templates and the Markdown renderer write; anything else is markup
    /// that leaked from content.
    static let expectedTags: Set<String> = [
        "html", "head", "meta", "title", "link", "script", "body", "a", "header", "div", "label", "input", "main", "article",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "nav", "ol", "ul", "li", "section", "figure", "pre", "code", "footer",
        "em", "strong", "br", "hr", "blockquote", "img", "table", "thead", "tbody", "tr", "th", "td",
    ]

    @Test func noContentEverBecomesMarkupOrAScriptLink() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        try directory.copyFixture("xss.md", as: "content/xss.md")

        let result = try await Cheatgen.run(["build", "content", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 3 passed, 0 failed, 1 skipped", "wrote site/: 1 sheet"])
        #expect(result.errorLines.allSatisfy { $0.contains(": warning: raw HTML is not rendered; it is shown as text") }, "\(result.errorLines)")

        let pages = try htmlPages(in: directory.url.appendingPathComponent("site"))
        #expect(pages.keys.sorted() == ["404.html", "index.html", "xss.html"])
        let unsafeScheme = try Regex(#"^(javascript|vbscript|data):"#).ignoresCase()
        for (page, html) in pages {
            let tags = HTMLScanner.tags(in: html)
            // Only the site's own two scripts, by src, empty.
            let scripts = tags.filter { $0.name == "script" }
            #expect(scripts.map { $0.value(of: "src") ?? "inline" } == ["assets/search.js", "assets/snippets.js"], "\(page)")
            #expect(scripts.allSatisfy { $0.attributes.map(\.name) == ["src", "defer"] }, "\(page)")
            #expect(html.lowercased().components(separatedBy: "<script").count - 1 == 2, "\(page) has a <script the scanner missed")
            #expect(html.contains("<script src=\"assets/search.js\" defer></script>\n<script src=\"assets/snippets.js\" defer></script>\n"))
            // No event handler attribute, no unexpected element.
            for tag in tags {
                for attribute in tag.attributes where attribute.name.hasPrefix("on") {
                    Issue.record("\(page): <\(tag.name)> has an event handler \(attribute.name)=\(attribute.value ?? "")")
                }
                #expect(Self.expectedTags.contains(tag.name), "\(page): unexpected <\(tag.name)>")
            }
            // No address that runs code, however it is spelled (browsers drop controls and spaces).
            for tag in tags {
                for attribute in ["href", "src", "action", "formaction", "srcset"] {
                    guard let value = tag.value(of: attribute) else { continue }
                    let normalized = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 }))
                    #expect(normalized.firstMatch(of: unsafeScheme) == nil, "\(page): <\(tag.name) \(attribute)=\"\(value)\">")
                }
            }
            #expect(html.firstMatch(of: try Regex(#"href\s*=\s*["']?\s*(javascript|vbscript|data):"#).ignoresCase()) == nil, "\(page)")
        }

        // The payloads are still there, as text.
        let sheet = try #require(pages["xss.html"])
        #expect(sheet.contains("<h1>&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Title</h1>"))
        #expect(sheet.contains("<title>&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Title — Cheatsheets</title>"))
        #expect(sheet.contains("<pre class=\"output compiler-error\"><code>error: &lt;img src=x onerror=alert(&#39;error&#39;)&gt;</code></pre>"))
        #expect(sheet.contains("<pre class=\"output\"><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(&#39;output&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</code></pre>"))
        #expect(sheet.contains("<pre class=\"output\"><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(&#39;python&#39;)&lt;/script&gt;</code></pre>"))
        // Dropped links keep their text; safe ones stay links.
        #expect(sheet.contains("<p>Links: js, JS, vb,\ndata, upper data,\nentity, "))
        #expect(sheet.contains("<a href=\"https://example.com/?a=1&amp;b=2\" rel=\"noopener\">fine</a>"))
        #expect(try #require(pages["index.html"]).contains("&lt;script&gt;alert(&#39;tag&#39;)&lt;/script&gt; <span class=\"tag-count\">1</span>"))
    }
}
