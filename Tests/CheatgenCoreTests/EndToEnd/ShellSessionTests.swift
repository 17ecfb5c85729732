import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `console` blocks through the real binary: the commands run in order in one bash session in
/// a folder of the block's own, each command's output and status compared with the lines under
/// it; a failing command is reported at its own line; `bless` rewrites the output lines.
@Suite("Shell sessions, end to end", .serialized)
struct ShellSessionTests {
    static let frontMatter = "---\ntitle: Sessions\n---\n"

    @Test func sessionsCarryStateAndMatchWildcardsStatusesAndFixtures() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.copyFixture("sessions")

        let result = try await Cheatgen.run(["check", "sessions", "--no-cache", "--quiet"], in: directory)

        #expect(result.errorLines == [], "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 4 passed, 0 failed, 0 skipped"])
        #expect(result.status == 0)
        // Nothing the sessions made is left in the sheet's folder.
        #expect(directory.entries("sessions").sorted() == ["notes", "sessions.md"])
    }

    @Test func aDifferingOutputOrStatusFailsAtItsCommandAndStopsThere() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = Self.frontMatter + """

            ## Failing

            ### Wrong output

            ```console
            $ echo one
            one
            $ printf 'alpha\\nbeta\\ngamma\\n'
            alpha
            BETA
            gamma
            $ echo never compared
            something else
            ```

            ### Wrong status

            ```console
            $ touch made-here
            $ ls made-here missing-file
            made-here
            $ echo after the failure > after.txt
            ```

            ### Expected to fail but succeeded

            ```console
            $ true
            ? failed
            ```

            """
        try directory.write(text, to: "failing.md")

        let result = try await Cheatgen.run(["check", "failing.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 0 passed, 3 failed, 0 skipped"])
        let lines = result.errorLines
        let printf = try lineNumber(of: "$ printf 'alpha", in: text)
        expectConsecutive([
            "failing.md:\(printf):1: error: command output does not match the lines under it",
            "--- expected",
            "+++ actual",
        ], in: lines)
        #expect(lines.contains("-BETA"))
        #expect(lines.contains("+beta"))
        // Only the first failing command of a block is reported, and the session stops there.
        #expect(!lines.contains { $0.contains("something else") })
        #expect(lines.contains("failing.md:\(printf):1: note: the session stopped at this command; the command below it did not run"))

        let listing = try lineNumber(of: "$ ls made-here missing-file", in: text)
        #expect(lines.contains("failing.md:\(listing):1: error: command exited with status 2, but the session expects 0 (write '? 2' under the command if that is what it should do)"))
        #expect(lines.contains { $0.hasPrefix("  output: ls: cannot access 'missing-file'") })
        #expect(lines.contains("failing.md:\(listing):1: note: the session stopped at this command; the command below it did not run"))
        let succeeded = try lineNumber(of: "$ true", in: text)
        #expect(lines.contains("failing.md:\(succeeded):1: error: command exited with status 0, but the session expects a failure (not 0)"))
        #expect(lines.count { $0.contains(": error: ") } == 3)
    }

    @Test func aStatusThatDiffersStopsTheSession() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The third command would print into the sheet's output if it ran: it must not.
        let text = Self.frontMatter + """

            ### Stops

            ```console
            $ echo first
            first
            $ exit-code() { return 3; }; exit-code
            $ echo this must not run
            ```

            """
        try directory.write(text, to: "stop.md")
        let result = try await Cheatgen.run(["bless", "stop.md", "--quiet"], in: directory)
        // bless writes the status the command had, and leaves the command below as it was.
        let blessed = try directory.read("stop.md")
        #expect(blessed.contains("$ exit-code() { return 3; }; exit-code\n? 3\n$ echo this must not run\n```"), "\(blessed)\n\(result.standardError)")
    }

    @Test func blessRewritesTheOutputLinesAndKeepsWildcardsThatStillMatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = Self.frontMatter + """

            ### Bless me

            ```console
            $ echo "kept: $((6 * 7))"
            kept: [..]
            $ seq 3
            1
            two
            3
            $ seq 10 | tail -n 3
            ...
            10
            $ printf 'no newline at the end'
            $ echo done
            ```

            ```python
            print("untouched")
            ```

            ```output
            untouched
            ```

            """
        try directory.write(text, to: "bless.md")

        let before = try await Cheatgen.run(["check", "bless.md", "--no-cache", "--quiet"], in: directory)
        #expect(before.status == 1)

        let bless = try await Cheatgen.run(["bless", "bless.md"], in: directory)
        #expect(bless.status == 0, "\(bless.standardError)")
        #expect(bless.outputLines.last == "blessed 1 snippet in 1 file")
        let blessed = try directory.read("bless.md")
        #expect(blessed == text.replacingOccurrences(of: "1\ntwo\n3\n", with: "1\n2\n3\n")
            .replacingOccurrences(of: "$ printf 'no newline at the end'\n", with: "$ printf 'no newline at the end'\nno newline at the end\n")
            .replacingOccurrences(of: "$ echo done\n", with: "$ echo done\ndone\n"))

        let after = try await Cheatgen.run(["check", "bless.md", "--no-cache", "--quiet"], in: directory)
        #expect(after.status == 0, "\(after.standardError)")
        #expect(after.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])
    }

    @Test func mistakesInASessionAreErrorsAtTheirLines() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = Self.frontMatter + """

            ### Unfinished

            ```console
            $ echo one \\
            ```

            ### A status with no command

            ```console
            ? 1
            $ false
            ```

            ### No such fixture

            ```console fixture=nowhere
            $ ls
            ```

            ### A bad status

            ```console
            $ true
            ? maybe
            ```

            ### Fixture with no folder

            ```console fixture=
            $ ls
            ```

            """
        try directory.write(text, to: "mistakes.md")

        let result = try await Cheatgen.run(["check", "mistakes.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        let lines = result.errorLines
        let unfinished = try lineNumber(of: "$ echo one \\", in: text)
        #expect(lines.contains("mistakes.md:\(unfinished):12: error: the command ends in '\\' but the session ends there; continue it on the next line or remove the '\\'"))
        let status = try lineNumber(of: "? 1", in: text)
        #expect(lines.contains("mistakes.md:\(status):1: error: '? ' states a command's exit status, but there is no '$ ' command above it"))
        let fixture = try lineNumber(of: "```console fixture=nowhere", in: text)
        #expect(lines.contains("mistakes.md:\(fixture):1: error: fixture folder 'nowhere' does not exist (it is looked up next to mistakes.md)"))
        let maybe = try lineNumber(of: "? maybe", in: text)
        #expect(lines.contains("mistakes.md:\(maybe):3: error: '? ' takes an exit status: a number from 0 to 255, 'success' or 'failed'"))
        let empty = try lineNumber(of: "### Fixture with no folder", in: text) + 2
        #expect(lines.contains("mistakes.md:\(empty):1: error: 'fixture' needs a folder next to the sheet, as in fixture=examples/hello"))
    }

    @Test(.enabled(if: getuid() == 0, "namespaces need root"))
    func aSessionCanNeitherReachTheNetworkNorWriteIntoTheRepository() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        let root = directory.url.resolvingSymlinksInPath().path
        let text = Self.frontMatter + """

            ### Fetches a page

            ```console
            $ exec 3<>/dev/tcp/93.184.215.14/80 && echo connected
            connected
            ```

            ### Plants a file

            ```console
            $ cd \(root)/content
            $ echo planted > planted.txt && echo written
            written
            ```

            """
        try directory.write(text, to: "content/hostile.md")

        let result = try await Cheatgen.run(["check", "content", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 0 passed, 2 failed, 0 skipped"])
        let lines = result.errorLines
        let fetch = try lineNumber(of: "$ exec 3<>", in: text)
        #expect(lines.contains { $0.hasPrefix("content/hostile.md:\(fetch):1: error: command exited with status 1") }, "\(result.standardError)")
        #expect(lines.contains { $0.contains("output: bash: connect: Network is unreachable") })
        let plant = try lineNumber(of: "$ echo planted", in: text)
        #expect(lines.contains { $0.hasPrefix("content/hostile.md:\(plant):1: error: command exited with status 1") })
        #expect(lines.contains { $0.contains("planted.txt: Read-only file system") })
        #expect(directory.entries("content") == ["hostile.md"])
    }

    @Test func withoutAMountNamespaceASessionThatChangesTheRepositoryFails() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeFolder("content")
        let root = directory.url.resolvingSymlinksInPath().path
        let text = Self.frontMatter + """

            ### Plants a file

            ```console
            $ echo planted > \(root)/content/planted.txt
            $ echo still running
            still running
            ```

            """
        try directory.write(text, to: "content/hostile.md")

        let result = try await Cheatgen.run(["check", "content", "--no-cache"], in: directory, environment: ["CHEATGEN_CONFINEMENT": "no-namespaces"])

        #expect(result.status == 1)
        let fence = try lineNumber(of: "```console", in: text)
        #expect(result.errorLines.contains("content/hostile.md:\(fence):1: error: snippet changed content/planted.txt; snippets may write only in their own temporary folder"),
                "\(result.standardError)")
    }

    @Test func aBashBlockRunsAsAScriptOnlyWithAnOutputBlock() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = Self.frontMatter + """

            ### Shown, not run

            ```bash
            rm -rf / --no-preserve-root   # an example to read
            ```

            ### Run, with its output checked

            ```sh
            for word in alpha beta; do echo "${word^^}"; done
            ```

            ```output
            ALPHA
            BETA
            ```

            ### Run, and failing at its line

            ```bash
            echo before
            definitely-not-a-command
            ```

            ```output
            before
            ```

            """
        try directory.write(text, to: "scripts.md")

        let result = try await Cheatgen.run(["check", "scripts.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        // The first block is not a snippet: two were verified.
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"], "\(result.standardError)")
        let failing = try lineNumber(of: "definitely-not-a-command", in: text)
        #expect(result.errorLines.contains { $0.hasPrefix("scripts.md:\(failing):1: error: snippet failed: scripts.md: line \(failing): definitely-not-a-command: command not found") },
                "\(result.standardError)")
    }

    @Test func aWrongOutputStopsTheSessionBeforeTheCommandsBelowIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // If the session went on after the listing, the nap would outlast the block's time limit.
        let text = Self.frontMatter + """

            ### Stops at the first difference

            ```console timeout=4
            $ mkdir drafts && echo kept > drafts/plan.txt
            $ ls drafts
            plan.txt
            summary.txt
            $ sleep 30
            $ echo never printed
            never printed
            ```

            ### Strict mode does not trip the go-aheads

            ```console
            $ set -euo pipefail
            $ answer=42
            $ echo "$answer"
            42
            ```

            """
        try directory.write(text, to: "stops.md")

        let result = try await Cheatgen.run(["check", "stops.md", "--no-cache", "--verbose"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        let lines = result.errorLines
        let listing = try lineNumber(of: "$ ls drafts", in: text)
        expectConsecutive([
            "stops.md:\(listing):1: error: command output does not match the lines under it",
            "--- expected",
            "+++ actual",
        ], in: lines)
        #expect(lines.contains("-summary.txt"), "\(result.standardError)")
        #expect(lines.contains("stops.md:\(listing):1: note: the session stopped at this command; the 2 commands below it did not run"),
                "\(result.standardError)")
        #expect(!lines.contains { $0.contains("timed out") || $0.contains("timeout") }, "\(result.standardError)")
        // The sessions themselves (bash, as the verbose log times each) ended well before the limit.
        let runs = lines.filter { $0.hasSuffix(" s, confined)") }
        #expect(runs.count == 2, "\(result.standardError)")
        for run in runs {
            let seconds = try #require(Double(run.split(separator: "(").last!.split(separator: " ").first!))
            #expect(seconds < 2, "\(run)")
        }
    }

    @Test func blessRewritesEveryCommandOfASessionInOneRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = Self.frontMatter + """

            ### Two mistakes

            ```console
            $ echo red green | tr ' ' '\\n'
            red
            blue
            $ echo steady
            steady
            $ wc -w <<< 'three small words'
            4
            ```

            """
        try directory.write(text, to: "twice.md")

        let bless = try await Cheatgen.run(["bless", "twice.md"], in: directory)
        #expect(bless.status == 0, "\(bless.standardError)")
        #expect(bless.outputLines.last == "blessed 1 snippet in 1 file")
        let blessed = try directory.read("twice.md")
        #expect(blessed == text.replacingOccurrences(of: "red\nblue\n", with: "red\ngreen\n")
            .replacingOccurrences(of: "\n4\n", with: "\n3\n"), "\(blessed)")

        let after = try await Cheatgen.run(["check", "twice.md", "--no-cache", "--quiet"], in: directory)
        #expect(after.status == 0, "\(after.standardError)")
        #expect(after.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
    }
}
