import Testing
import Foundation
@testable import CheatgenModel
@testable import CheatgenLanguages

/// How a ThreadSanitizer report is read back to the sheet: the racing access at its Markdown
/// line, the other thread's access as a note, frames outside the snippet ignored.
@Suite("ThreadSanitizer reports")
struct RaceReportTests {
    /// A snippet of `content/threads.md` whose code starts on line 40: `#sourceLocation` makes
    /// the debug line tables name the sheet, after the compiler's working directory.
    static let path = "content/threads.md"

    /// Two warnings of one run, in the shape swiftc 6.2's ThreadSanitizer prints on Linux: first
    /// the Swift access race, whose racing frame carries no line, then the plain data race on the
    /// same counter, which names both lines.
    static let twoWarnings = """
        ==================
        WARNING: ThreadSanitizer: Swift access race (pid=4242)
          Modifying access of Swift variable at 0x7b0400001230 by main thread:
            #0 main /work/scratch/content/threads.md (runner+0xfca76) (BuildId: 1f2e3d)

          Previous write of size 8 at 0x7b0400001230 by thread T2:
            #0 closure #1 in worker() /work/scratch/content/threads.md:43:17 (runner+0xfc561) (BuildId: 1f2e3d)
            #1 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8) (BuildId: 9a8b7c)

          Location is global 'counter' of size 8 at 0x7b0400001230 (runner+0x14b9a80)

          Thread T2 'runner' (tid=4250, running) created by main thread at:
            #0 pthread_create /build/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (runner+0x7b71a)
            #1 main /work/scratch/content/threads.md:47:5 (runner+0xfca00)

        SUMMARY: ThreadSanitizer: Swift access race /work/scratch/content/threads.md in main
        ==================
        ==================
        WARNING: ThreadSanitizer: data race (pid=4242)
          Read of size 8 at 0x7b0400001230 by main thread:
            #0 main /work/scratch/content/threads.md:48:13 (runner+0xfcaa6) (BuildId: 1f2e3d)

          Previous write of size 8 at 0x7b0400001230 by thread T2:
            #0 closure #1 in worker() /work/scratch/content/threads.md:43:17 (runner+0xfc561) (BuildId: 1f2e3d)

          Location is global 'counter' of size 8 at 0x7b0400001230 (runner+0x14b9a80)

        SUMMARY: ThreadSanitizer: data race /work/scratch/content/threads.md:48:13 in main
        ==================
        ThreadSanitizer: reported 2 warnings
        """

    @Test func theRaceNamingMostLinesIsReportedAtTheRacingAccessWithTheOtherAsANote() throws {
        let report = try #require(RaceReport.parse(stderr: "41\n" + Self.twoWarnings, path: Self.path))
        #expect(report.title == "data race")
        #expect(report.access == "read")
        #expect(report.location == SourceLocation(path: Self.path, line: 48, column: 13))
        #expect(report.previousAccess == "write")
        #expect(report.previousLocation == SourceLocation(path: Self.path, line: 43, column: 17))

        let snippet = try onlySnippet("```swift\nprint(1)\n```\n")
        let diagnostic = report.diagnostic(snippet: snippet)
        #expect(diagnostic.formatted.split(separator: "\n").map(String.init) == [
            "content/threads.md:48:13: error: data race (ThreadSanitizer: data race): read at line 48 races with a write at line 43 on another thread",
            "content/threads.md:43:17: note: the other access: write, on another thread",
        ])
    }

    @Test func anAccessRaceWithoutItsLineIsPlacedAtTheOtherAccess() throws {
        // The shape of a real single report: the modifying access is named without a line.
        let first = try #require(Self.twoWarnings.components(separatedBy: "==================\n==================").first)
        let report = try #require(RaceReport.parse(stderr: first, path: Self.path))
        #expect(report.title == "Swift access race")
        #expect(report.access == "modifying access")
        #expect(report.location == nil, "the thread's creation in main (line 47) is not the racing access")
        #expect(report.previousLocation?.line == 43)

        let snippet = try onlySnippet("```swift\nprint(1)\n```\n")
        let diagnostic = report.diagnostic(snippet: snippet)
        #expect(diagnostic.location == SourceLocation(path: Self.path, line: 43, column: 17))
        #expect(diagnostic.message == "data race (ThreadSanitizer: Swift access race): modifying access races with a write at line 43 on another thread")
        #expect(diagnostic.notes.map(\.location?.line) == [43])
    }

    @Test func noWarningNoRace() {
        #expect(RaceReport.parse(stderr: "", path: Self.path) == nil)
        #expect(RaceReport.parse(stderr: "Fatal error: Index out of range\n", path: Self.path) == nil)
    }

    @Test func framesOfOtherFilesLeaveTheRaceAtTheSnippet() throws {
        let report = try #require(RaceReport.parse(stderr: """
            WARNING: ThreadSanitizer: data race (pid=7)
              Write of size 4 at 0x1 by thread T1:
                #0 helper /work/scratch/content/other-threads.md:12:3 (runner+0x1)

              Previous read of size 4 at 0x1 by main thread:
                #0 main /work/scratch/content/threads.mdx:9:1 (runner+0x2)

            """, path: Self.path))
        #expect(report.location == nil && report.previousLocation == nil)
        let snippet = try onlySnippet("```swift\nprint(1)\n```\n")
        let diagnostic = report.diagnostic(snippet: snippet)
        #expect(diagnostic.location == snippet.location, "nothing in the snippet named: the error is at its fence")
        #expect(diagnostic.message == "data race (ThreadSanitizer: data race): write races with a read on another thread")
        #expect(diagnostic.notes.isEmpty)
    }

    @Test func theRunnerIsStartedToReportToStderrAndGoOn() {
        #expect(RaceReport.environment(symbolizer: nil) == "exitcode=66:halt_on_error=0:report_signal_unsafe=0")
        #expect(RaceReport.environment(symbolizer: "/opt/swift/usr/bin/llvm-symbolizer")
            .hasSuffix(":external_symbolizer_path=/opt/swift/usr/bin/llvm-symbolizer"))
    }
}
