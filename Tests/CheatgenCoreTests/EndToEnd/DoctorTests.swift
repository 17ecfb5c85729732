import Foundation
import Testing
@testable import CheatgenCore

/// `cheatgen doctor` through the real binary: a tool found (path and version), a tool missing
/// from PATH (what to install, and a failing exit only when the content needs it), and
/// containment this machine cannot give.
@Suite("cheatgen doctor, end to end", .serialized)
struct DoctorTests {
    private func folder(with sheets: [String: String]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeFolder("content")
        for (name, language) in sheets {
            try directory.write("""
                ---
                title: \(name)
                ---

                ## Cards

                ### Adds up

                ```\(language)
                print(2 + 3)
                ```

                ```output
                5
                ```

                """, to: "content/\(name).md")
        }
        return directory
    }

    private func line(_ name: String, in result: CommandResult) -> String? {
        result.outputLines.first { $0.hasPrefix(name.padding(toLength: 12, withPad: " ", startingAt: 0)) }
    }

    @Test func aToolThatIsThereIsNamedWithItsPathAndVersion() async throws {
        let directory = try folder(with: ["plain": "python"])
        defer { directory.remove() }
        let result = try await Cheatgen.run(["doctor"], in: directory)
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
        let python = try #require(line("python", in: result), "\(result.outputLines)")
        #expect(python.contains(try Regex(#"^python      found: Python 3\.[0-9]+\.[0-9]+.* at /\S+python3"#)), "\(python)")
        #expect(line("pygments", in: result)?.hasPrefix("pygments    found: Pygments ") == true, "\(result.outputLines)")
        // Every language names the program it found, with its path: the shell languages too.
        for name in ["bash", "console"] {
            let shell = try #require(line(name, in: result), "\(result.outputLines)")
            #expect(shell.contains(try Regex(#"found: GNU bash, version .* at /\S+/bash$"#)), "\(shell)")
        }
        #expect(line("theme", in: result)?.hasPrefix("theme       found: /") == true, "\(result.outputLines)")
        #expect(line("cache", in: result) == "cache       none yet at .cheatgen/ (the first check verifies every snippet)")
        #expect(line("content", in: result) == "content     content: 1 sheet, snippets in python")
        #expect(result.outputLines.last == "cheatgen doctor: check can verify every language the content uses (python)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test func aMissingToolSaysWhatToInstallAndFailsOnlyWhenTheContentNeedsIt() async throws {
        let directory = try folder(with: ["some": "js"])
        defer { directory.remove() }
        // PATH without node (nor anything else).
        let result = try await Cheatgen.run(["doctor"], in: directory, environment: ["PATH": directory.path])
        #expect(result.status == 1)
        #expect(line("javascript", in: result)
                == "javascript  missing: 'node' was not found on PATH (install Node.js 18 or later, e.g. Debian's nodejs, or set CHEATGEN_NODE); install: apt-get install nodejs",
                "\(result.outputLines)")
        #expect(result.errorLines == [
            "cheatgen doctor: error: check cannot verify the 'javascript' snippets the content has: 'node' was not found on PATH (install Node.js 18 or later, e.g. Debian's nodejs, or set CHEATGEN_NODE)",
        ], "\(result.errorLines)")
        #expect(!result.outputLines.contains { $0.hasPrefix("cheatgen doctor: check can verify") })

        // Python is missing too, but nothing here is in Python: that is not an error.
        #expect(line("python", in: result)?.hasPrefix("python      missing: 'python3' was not found on PATH") == true, "\(result.outputLines)")
        #expect(!result.standardError.contains("'python'"))

        // The same machine with a Python-only sheet is ready, though node is still missing.
        let python = try folder(with: ["plain": "python"])
        defer { python.remove() }
        let ready = try await Cheatgen.run(["doctor"], in: python, environment: ["CHEATGEN_NODE": python.path + "/no-node-here"])
        #expect(ready.status == 0, "\(ready.standardError)")
        #expect(line("javascript", in: ready)?.hasPrefix("javascript  missing: CHEATGEN_NODE is set to") == true, "\(ready.outputLines)")
    }

    @Test func containmentThisMachineCannotGiveIsSaid() async throws {
        let directory = try folder(with: ["plain": "python"])
        defer { directory.remove() }
        let result = try await Cheatgen.run(["doctor"], in: directory,
                                      environment: ["CHEATGEN_CONFINEMENT": "no-namespaces"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(line("network", in: result) == "network     not contained: snippets can reach the network", "\(result.outputLines)")
        #expect(line("repository", in: result) == "repository  not contained: only a change that a snippet makes is caught afterwards")
        let notes = result.outputLines.filter { $0.hasPrefix("note        ") }
        #expect(notes.contains { $0.contains("snippets can reach the network: no network namespace could be made") }, "\(notes)")

        let noGroups = try await Cheatgen.run(["doctor"], in: directory, environment: ["CHEATGEN_CONFINEMENT": "no-cgroups"])
        #expect(line("limits", in: noGroups) == "limits      no control groups: memory by RLIMIT_AS only, process count not limited",
                "\(noGroups.outputLines)")
        #expect(noGroups.outputLines.contains { $0.hasPrefix("note        ") && $0.contains("CHEATGEN_CONFINEMENT=no-cgroups") })
    }
}
