import Foundation
import Testing
@testable import CheatgenCore

/// What a snippet's ✓ promises, proved: repeated runs that must agree, ThreadSanitizer,
/// `max-time=`, language modes and flags, warnings, traps at their line, cached compile
/// failures — each run through the real `cheatgen`, on sheets written here.
@Suite("Verification that proves the claim, end to end", .serialized)
struct VerificationClaimsTests {
    /// A working directory holding `sheet.md` with `body` under a title.
    private func sheet(_ body: String, title: String = "Claims") throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let text = "---\ntitle: \(title)\n---\n\n" + body
        try directory.write(text, to: "sheet.md")
        return (directory, text)
    }

    /// The lines of `result`'s stderr that are diagnostics (not progress).
    private func diagnostics(_ result: CommandResult) -> [String] {
        result.errorLines.filter { !$0.hasPrefix("cheatgen: ") }
    }

    // MARK: --repeat

    /// Two snippets: one prints "surprise" on the second run of the whole check (each run
    /// claims the next free number in `counters` by creating run-N exclusively), one is steady.
    static func flakySheet(counters: String) -> String {
        """
            ---
            title: Flaky
            ---

            ## Runs

            ### Mostly steady

            ```swift
            // snippet.hide
            import Foundation
            var run = 1
            while open("\(counters)/run-\\(run)", O_CREAT | O_EXCL | O_WRONLY, 0o644) < 0 { run += 1 }
            // snippet.show
            print(run == 2 ? "surprise" : "steady")
            ```

            ```output
            steady
            ```

            ### Always steady

            ```swift
            print("steady")
            ```

            ```output
            steady
            ```

            """
    }

    @Test func aSnippetThatPassesThreeRunsInFourIsFlaky() async throws {
        let (directory, _) = try sheet("")
        defer { directory.remove() }
        // Snippets may not write into the repository: the runs count in a folder outside it.
        let counters = try TemporaryDirectory()
        defer { counters.remove() }
        // Each run claims the next free number by creating run-N exclusively; run 2 says otherwise.
        let text = Self.flakySheet(counters: counters.path)
        try directory.write(text, to: "sheet.md")

        let result = try await Cheatgen.run(["check", "sheet.md", "--repeat", "4", "--no-cache", "--verbose"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines.last == "snippets: 1 passed, 1 failed, 0 skipped")
        let fence = try lineNumber(of: "```swift", below: "### Mostly steady", in: text)
        let steady = try lineNumber(of: "steady", below: "```output", in: text)
        let lines = result.errorLines
        let flaky = try #require(lines.firstIndex(of: "sheet.md:\(fence):1: error: flaky: 3 of 4 runs matched"), "\(lines)")
        // The failing run's mismatch, at the output line that differs, with its diff.
        #expect(lines[flaky + 1].hasPrefix("sheet.md:\(steady):1: note: run "), "\(lines)")
        #expect(lines[flaky + 1].hasSuffix(" of 4: snippet output does not match the 'output' block"), "\(lines)")
        expectConsecutive(["-steady", "+surprise"], in: lines)
        // The two snippets compiled together and run four times each; the one that failed was
        // compiled again alone and run four more times (runs 5 to 8 all said "steady"), and its
        // verdict stays the failure, with a note that it passed alone.
        let commands = (result.outputLines + result.errorLines).filter { $0.hasPrefix("$ ") }
        let runs = commands.filter { $0.contains("/.cheatgen/bin/runner-") }
        #expect(runs.filter { $0.contains(" sheet__mostly_steady ") }.count == 8, "\(runs)")
        #expect(runs.count == 12, "\(runs)")
        #expect(commands.filter { $0.contains(" -module-name M_") }.count == 1, "one shared module: \(commands)")
        #expect(commands.filter { $0.contains(" -primary-file ") }.count == 3, "the failing snippet alone and two dispatchers: \(commands)")
        #expect(lines.contains("sheet.md:\(fence):1: note: it passed when run again, compiled as its own module: the snippet does not give the same result every run"), "\(lines)")
    }

    @Test func aSnippetThatPassesThreeRunsInFourIsFlakyCompiledAlone() async throws {
        // The same claim where every snippet is its own module: one compile each, four runs each.
        let (directory, _) = try sheet("")
        defer { directory.remove() }
        let counters = try TemporaryDirectory()
        defer { counters.remove() }
        try directory.write("swift:\n  merge: false\n", to: "cheatgen.yml")
        try directory.write(Self.flakySheet(counters: counters.path), to: "sheet.md")
        let result = try await Cheatgen.run(["check", "sheet.md", "--repeat", "4", "--no-cache", "--verbose"], in: directory)
        #expect(result.outputLines.last == "snippets: 1 passed, 1 failed, 0 skipped")
        #expect(result.errorLines.contains { $0.hasSuffix("error: flaky: 3 of 4 runs matched") }, "\(result.errorLines)")
        let commands = (result.outputLines + result.errorLines).filter { $0.hasPrefix("$ ") }
        let runs = commands.filter { $0.contains("/.cheatgen/bin/runner-") }
        #expect(runs.filter { $0.contains(" sheet__mostly_steady ") }.count == 4, "\(runs)")
        #expect(runs.count == 8, "\(runs)")
        #expect(commands.filter { $0.contains(" -primary-file ") || $0.contains(" -c ") }.count == 3, "two snippets and the dispatcher: \(commands)")
    }

    @Test func repeatedRunsThatAgreeAreStableAndSaySo() async throws {
        let (directory, _) = try sheet("""
            ## Order

            ### Children in any order

            ```swift unordered
            await withTaskGroup(of: Int.self) { group in
                for n in 1...4 { group.addTask { n } }
                for await n in group { print(n) }
            }
            ```

            ```output
            1
            ...
            4
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "sheet.md", "--repeat", "5", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/sheet.html")
        #expect(page.contains(">✓ output checked · stable over 5 runs</span>"), "\(page)")
        #expect(page.contains("It ran 5 times at once, every run alike"))
    }

    // MARK: ThreadSanitizer

    @Test func aRacyUncheckedSendableCounterIsCaughtAtItsLine() async throws {
        let (directory, text) = try sheet("""
            ## Races

            ### A counter shared without a lock

            ```swift sanitize=thread
            import Dispatch
            final class Counter: @unchecked Sendable {
                var value = 0
            }
            let counter = Counter()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<100_000 { counter.value += 1 }
            }
            print(counter.value > 0)
            ```

            ```output
            true
            ```

            ### The same counter behind a lock

            ```swift sanitize=thread
            import Foundation
            final class Counter: @unchecked Sendable {
                let lock = NSLock()
                var value = 0
            }
            let counter = Counter()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                for _ in 0..<20_000 { counter.lock.withLock { counter.value += 1 } }
            }
            print(counter.value)
            ```

            ```output
            80000
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "sheet.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        let racing = try lineNumber(of: "for _ in 0..<100_000 { counter.value += 1 }", in: text)
        let lines = diagnostics(result)
        let error = try #require(lines.first { $0.contains(": error: data race (ThreadSanitizer") }, "\(lines)")
        #expect(error.hasPrefix("sheet.md:\(racing):"), "at the racing access: \(error)")
        #expect(error.hasSuffix(" races with a write at line \(racing) on another thread"), "the other access's line: \(error)")
        #expect(lines.contains { $0.hasPrefix("sheet.md:\(racing):") && $0.contains(": note: the other access: ") }, "\(lines)")
        // Its verdicts are kept apart from the unsanitized ones: the same sheet checked without
        // the sanitizer compiles again.
        #expect(!lines.contains { $0.contains("snippet exited with status 66") }, "ThreadSanitizer's exit status is not a second error")
    }

    @Test func sanitizeThreadChecksEverySnippetAndIsCachedApart() async throws {
        let (directory, _) = try sheet("""
            ## Actors

            ### An actor serializes access

            ```swift
            actor Tally {
                var count = 0
                func add() { count += 1 }
            }
            let tally = Tally()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<50 { group.addTask { await tally.add() } }
            }
            print(await tally.count)
            ```

            ```output
            50
            ```

            """)
        defer { directory.remove() }

        let sanitized = try await Cheatgen.run(["build", "sheet.md", "--sanitize", "thread", "--quiet"], in: directory)
        #expect(sanitized.status == 0, "\(sanitized.standardError)")
        #expect(try directory.read("site/sheet.html").contains(">✓ output checked · no data race (TSan)</span>"))

        // A plain check does not reuse the sanitized verdict, and the next sanitized one does.
        let plain = try await Cheatgen.run(["check", "sheet.md", "--verbose"], in: directory)
        #expect(plain.status == 0)
        #expect((plain.outputLines + plain.errorLines).contains { $0.contains("/.cheatgen/bin/runner-") }, "ran again without the sanitizer")
        let again = try await Cheatgen.run(["check", "sheet.md", "--sanitize", "thread", "--verbose"], in: directory)
        #expect(again.status == 0)
        #expect(!(again.outputLines + again.errorLines).contains { $0.hasPrefix("$ ") }, "the sanitized verdict was cached")
    }

    // MARK: max-time

    @Test func promptAndSlowCancellationUnderMaxTime() async throws {
        let (directory, text) = try sheet("""
            ## Cancellation

            ### Sleeping tasks stop at once

            ```swift max-time=1500ms
            let sleeper = Task { try await Task.sleep(for: .seconds(30)) }
            sleeper.cancel()
            print(await sleeper.result)
            ```

            ```output
            failure(Swift.CancellationError())
            ```

            ### Busy tasks do not check

            ```swift max-time=1.5
            import Foundation
            let worker = Task {
                for _ in 0..<25 { usleep(100_000) }
                return "finished anyway"
            }
            worker.cancel()
            print(await worker.value)
            ```

            ```output
            finished anyway
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "sheet.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 1 passed, 1 failed, 0 skipped"])
        let slow = try lineNumber(of: "```swift max-time=1.5", in: text)
        let lines = diagnostics(result)
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("sheet.md:\(slow):1: error: snippet ran for "), "\(line)")
        #expect(line.hasSuffix(" s, over its max-time of 1.5 s"), "\(line)")
        // The measured time is in the message: at least the 2.5 s it slept.
        let measured = line.components(separatedBy: "ran for ").last?.components(separatedBy: " s,").first.flatMap(Double.init)
        #expect((measured ?? 0) >= 2.5, "\(line)")
    }

    @Test func maxTimeParsesSecondsAndMilliseconds() throws {
        let parsed = parse(header + "\n```swift max-time=150ms\nprint(1)\n```\n\n```swift max-time=0.2\nprint(2)\n```\n\n```swift max-time=soon\nprint(3)\n```\n")
        #expect(parsed.sheet?.snippets.map(\.attributes.maxTime) == [0.15, 0.2, nil])
        #expect(parsed.lines == ["sheet.md:13:1: error: 'max-time' needs a duration in seconds or milliseconds, as in max-time=0.2 or max-time=150ms [snippet.attribute]"])
    }

    // MARK: Language modes and flags

    @Test func aSwift5ModeCardBesideItsSwift6CompileFailTwin() async throws {
        let (directory, text) = try sheet("""
            ## What Swift 6 changed

            ### Swift 5 accepted a shared global

            ```swift language-mode=5
            var hits = 0
            func record() { hits += 1 }
            record()
            print(hits)
            ```

            ```output
            1
            ```

            ### Swift 6 rejects it

            ```swift compile-fail
            var hits = 0
            func record() { hits += 1 }
            ```

            ```error
            can not be mutated from a nonisolated context
            ```

            ### Unless the module defaults to the main actor

            ```swift flags="-default-isolation MainActor"
            var hits = 0
            func record() { hits += 1 }
            record()
            print(hits)
            ```

            ```output
            1
            ```

            ### A Swift 5 card that is wrong

            ```swift language-mode=5
            let hits: Int = "one"
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "sheet.md", "--quiet"], in: directory)

        #expect(result.status == 1)
        #expect(result.outputLines == ["snippets: 3 passed, 1 failed, 0 skipped"])
        let wrong = try lineNumber(of: "let hits: Int = \"one\"", in: text)
        #expect(diagnostics(result).first == "sheet.md:\(wrong):17: error: cannot convert value of type 'String' to specified type 'Int'")

        // Fixed, the site shows the settings in the badges' tooltips.
        try directory.write(text.replacingOccurrences(of: "let hits: Int = \"one\"", with: "let hits = 1\nprint(hits)"), to: "sheet.md")
        let fixed = try await Cheatgen.run(["build", "sheet.md", "--quiet"], in: directory)
        #expect(fixed.status == 0, "\(fixed.standardError)")
        let page = try directory.read("site/sheet.html")
        #expect(page.contains("(Swift 5 language mode) and run; what it printed was checked"), "\(page)")
        #expect(page.contains("(flags -default-isolation MainActor) and run"))
        #expect(page.contains(">✓ compile error checked</span>"))
        #expect(page.contains(">✓ ran</span>"), "the fixed card has no output block: it ran, its output was not checked")
        // The example package builds each snippet as it was verified.
        let manifest = try directory.read(".cheatgen/examples/Package.swift")
        #expect(manifest.contains(#".executableTarget(name: "sheet__swift_5_accepted_a_shared_global", swiftSettings: [.swiftLanguageMode(.v5)]),"#), "\(manifest)")
        #expect(manifest.contains(#"swiftSettings: [.unsafeFlags(["-default-isolation", "MainActor"])]"#), "\(manifest)")
    }

    @Test func settingsArePartOfTheCacheKey() async throws {
        let (directory, text) = try sheet("""
            ## Modes

            ### A global in Swift 5

            ```swift language-mode=5
            var hits = 0
            func record() { hits += 1 }
            record()
            ```

            """)
        defer { directory.remove() }
        #expect(try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory).status == 0)

        // The same code in Swift 6 mode is verified again, not answered from the cache.
        try directory.write(text.replacingOccurrences(of: " language-mode=5", with: " language-mode=6"), to: "sheet.md")
        let swift6 = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        #expect(swift6.status == 1)
        #expect(diagnostics(swift6).contains { $0.contains("can not be mutated from a nonisolated context") }, "\(swift6.errorLines)")
    }

    // MARK: Warnings

    @Test func aNeverMutatedVarIsAWarningAtItsLine() async throws {
        let body = """
            ## Warnings

            ### A var that never changes

            ```swift
            func total() -> Int {
                var sum = 5
                return sum
            }
            print(total())
            ```

            ```output
            5
            ```

            """
        let (directory, text) = try sheet(body)
        defer { directory.remove() }
        let line = try lineNumber(of: "var sum = 5", in: text)
        let fence = try lineNumber(of: "```swift", in: text)
        let message = "variable 'sum' was never mutated; consider changing to 'let' constant"

        let warned = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        #expect(warned.status == 0)
        #expect(warned.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"])
        expectConsecutive([
            "sheet.md:\(line):9: warning: \(message)",
            "    var sum = 5",
            "    ~~~ ^",
            "    let",
        ], in: warned.errorLines)
        #expect(warned.errorLines.contains("sheet.md:\(fence):1: note: in snippet sheet/a-var-that-never-changes"))
        // Cached, it still warns.
        let again = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        #expect(again.errorLines == warned.errorLines)

        // warnings-as-errors on the snippet, or `swift: { warnings: error }` for the site, fail it.
        try directory.write(text.replacingOccurrences(of: "```swift\n", with: "```swift warnings-as-errors\n"), to: "sheet.md")
        let attribute = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        #expect(attribute.status == 1)
        #expect(attribute.errorLines.first == "sheet.md:\(line):9: error: \(message) (warnings are errors: warnings-as-errors)")
        #expect(attribute.outputLines == ["snippets: 0 passed, 1 failed, 0 skipped"])

        try directory.write(text, to: "sheet.md")
        try directory.write("swift:\n  warnings: error\n", to: "cheatgen.yml")
        let configured = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        #expect(configured.status == 1)
        #expect(configured.errorLines.first == "sheet.md:\(line):9: error: \(message) (warnings are errors: 'swift: warnings: error' in cheatgen.yml)")
    }

    // MARK: Traps

    @Test func anOutOfRangeIndexTrapsAtItsLine() async throws {
        let (directory, text) = try sheet("""
            ## Traps

            ### Reading past the end

            ```swift
            let primes = [2, 3, 5]
            func prime(_ index: Int) -> Int {
                primes[index]
            }
            print(prime(1))
            print(prime(3))
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "sheet.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.status == 1)
        let trap = try lineNumber(of: "primes[index]", in: text)
        let call = try lineNumber(of: "print(prime(3))", in: text)
        let lines = diagnostics(result)
        let error = try #require(lines.first, "\(result.errorLines)")
        let column = try columnNumber(of: "[index]", in: text)
        #expect(error.hasPrefix("sheet.md:\(trap):\(column): error: snippet crashed: signal "), "\(error)")
        #expect(error.hasSuffix(": Fatal error: Index out of range"), "\(error)")
        #expect(lines.contains("sheet.md:\(call):7: note: called from here"), "\(lines)")
        #expect(!lines.contains { $0.contains("Backtracing") || $0.contains("Program crashed") }, "the backtrace itself is not shown")
    }

    // MARK: Cached compile failures

    @Test func aWarmCheckOfABrokenSnippetCompilesNothingAndSaysTheSame() async throws {
        let (directory, _) = try sheet("""
            ## Broken

            ### Wrong type

            ```swift
            let name: String = 42
            ```

            """)
        defer { directory.remove() }

        let cold = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)
        let warm = try await Cheatgen.run(["check", "sheet.md", "--verbose"], in: directory)

        #expect(cold.status == 1 && warm.status == 1)
        #expect(!(warm.outputLines + warm.errorLines).contains { $0.hasPrefix("$ ") }, "nothing compiled: \(warm.errorLines)")
        #expect(diagnostics(warm).filter { !$0.hasSuffix(" (cached)") } == cold.errorLines, "\(warm.errorLines)")
        #expect(warm.outputLines.last == "snippets: 0 passed, 1 failed, 0 skipped")
    }

    // MARK: Compiler notes

    @Test func aNoteIsPrintedWithItsOwnExcerpt() async throws {
        let (directory, text) = try sheet("""
            ## Notes

            ### Assigning to a constant

            ```swift
            let limit = 1
            limit = 2
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["check", "sheet.md", "--quiet"], in: directory)

        let constant = try lineNumber(of: "let limit = 1", in: text)
        let assignment = try lineNumber(of: "limit = 2", in: text)
        let lines = result.errorLines
        let error = try #require(lines.firstIndex { $0.hasPrefix("sheet.md:\(assignment):1: error: cannot assign to value: 'limit' is a 'let' constant") }, "\(lines)")
        let note = try #require(lines.firstIndex { $0.hasPrefix("sheet.md:\(constant):1: note: change 'let' to 'var'") }, "\(lines)")
        #expect(error < note)
        // The error's excerpt under the error, the note's under the note.
        #expect(lines[error + 1] == "limit = 2")
        #expect(lines[note + 1] == "let limit = 1")
    }

    // MARK: Badges

    @Test func badgesSayExactlyWhatWasChecked() async throws {
        let (directory, _) = try sheet("""
            ## Kinds

            ### Output

            ```swift
            print("hi")
            ```

            ```output
            hi
            ```

            ### Ran

            ```swift
            let unused = 1 + 1
            _ = unused
            ```

            ### Compiles

            ```swift compile-only
            func never() { fatalError() }
            ```

            ### Rejected

            ```swift compile-fail
            let x: Int = "x"
            ```

            ### Traps

            ```swift should-crash
            let empty: [Int] = []
            print(empty[1])
            ```

            ### Quick

            ```swift max-time=2
            print("quick")
            ```

            ```output
            quick
            ```

            """)
        defer { directory.remove() }

        let result = try await Cheatgen.run(["build", "sheet.md", "--quiet"], in: directory)

        #expect(result.status == 0, "\(result.standardError)")
        let page = try directory.read("site/sheet.html")
        let badges = page.components(separatedBy: "<span class=\"badge ").dropFirst().compactMap { part in
            part.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</span>").first
        }
        #expect(badges == ["✓ output checked", "✓ ran", "✓ compiles", "✓ compile error checked", "✓ traps as expected",
                           "✓ output checked · under 2 s"])
        #expect(page.contains("there is no output block, so what it prints is not checked"))
        let footer = "verified by cheatgen with Swift "
        #expect(page.contains(footer))
        #expect(page.contains(": 2 with their output checked, 1 run to a normal exit, 1 compiled only, 1 with its compile error checked, 1 trapping as expected. Each badge says how."), "\(page)")
        let index = try directory.read("site/index.html")
        #expect(index.contains("6 snippets, each one verified with Swift"))
        #expect(index.contains(": 2 with their output checked, 1 run to a normal exit"))
    }
}
