import Foundation
import Testing
@testable import CheatgenVerification
#if canImport(Glibc)
import Glibc
#endif

/// Snippets are strangers' code: they see a clean environment, no network but their own
/// loopback, a read-only repository, and limits on memory and processes — in Swift and in
/// Python alike, each failure at its snippet's line while the others go on.
extension HostileInputTests {
    /// Namespaces need root here (as in CI); elsewhere cheatgen only says it cannot make them.
    static var canConfine: Bool { getuid() == 0 }

    /// Limits are only safe to test where a control group enforces them (a fork bomb under no
    /// limit would take the machine down).
    static var hasControlGroups: Bool {
        let (cgroups, _) = Cgroups.locate()
        cgroups?.removeRoots()
        return cgroups != nil
    }

    /// The verdict line of each card, by card title, from `check`'s diagnostics.
    private func verdicts(_ result: CommandResult, sheet: String, text: String, cards: [String]) throws -> [String: String] {
        var found: [String: String] = [:]
        for card in cards {
            let fence = try lineNumber(of: "```", below: "### \(card)", in: text)
            let prefix = "\(sheet):\(fence):1: error: "
            found[card] = result.errorLines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? "passed"
        }
        return found
    }

    @Test(.enabled(if: canConfine, "namespaces need root"))
    func snippetsSeeNeitherCheatgensEnvironmentNorItsSecrets() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("env: [CHEATGEN_TEST_SHARED]\n", to: "cheatgen.yml")
        try directory.write(header + """

            ## Environment

            ### Swift asks for the token

            ```swift
            import Foundation
            let environment = ProcessInfo.processInfo.environment
            print(environment["CHEATGEN_TEST_TOKEN"] ?? "none")
            print(environment["CHEATGEN_TEST_SHARED"] ?? "none")
            print(environment["HOME"] == FileManager.default.currentDirectoryPath, environment["TERM"] ?? "")
            ```

            ```output
            none
            passed by name
            true dumb
            ```

            ### Python asks for the token

            ```python
            import os
            print(os.environ.get("CHEATGEN_TEST_TOKEN", "none"))
            print(os.environ.get("CHEATGEN_TEST_SHARED", "none"))
            print(os.environ["HOME"] == os.getcwd(), os.environ["TERM"])
            ```

            ```output
            none
            passed by name
            True dumb
            ```

            """, to: "env.md")

        let result = try await Cheatgen.run(["check", "env.md", "--no-cache", "--quiet"], in: directory,
                                      environment: ["CHEATGEN_TEST_TOKEN": "ghp_not-a-real-token", "CHEATGEN_TEST_SHARED": "passed by name"])

        #expect(result.errorLines == [], "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 2 passed, 0 failed, 0 skipped"])
        #expect(!result.standardError.contains("ghp_"))
    }

    @Test(.enabled(if: canConfine, "namespaces need root"))
    func snippetsCannotReachAServerOutsideButCanRunTheirOwn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = try ListeningSocket()
        defer { server.close() }
        let swiftConnect = """
            import Glibc
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(\(server.port)).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            print(status == 0 ? "reached the server" : "no server")
            """
        let pythonConnect = """
            import socket
            try:
                socket.create_connection(("127.0.0.1", \(server.port)), timeout=3).close()
                print("reached the server")
            except OSError:
                print("no server")
            """
        try directory.write(header + """

            ## Network

            ### Swift calls the test's server

            ```swift
            \(swiftConnect)
            ```

            ```output
            no server
            ```

            ### Python calls the test's server

            ```python
            \(pythonConnect)
            ```

            ```output
            no server
            ```

            ### Python serves itself on its loopback

            ```python
            import socket
            server = socket.socket()
            server.bind(("127.0.0.1", 0))
            server.listen()
            client = socket.create_connection(server.getsockname())
            connection, _ = server.accept()
            client.sendall(b"ping")
            print(connection.recv(4).decode())
            ```

            ```output
            ping
            ```

            ### Python opts in to the network

            ```python network=true
            \(pythonConnect)
            ```

            ```output
            reached the server
            ```

            """, to: "network.md")

        let result = try await Cheatgen.run(["check", "network.md", "--no-cache", "--quiet"], in: directory)

        #expect(result.errorLines == [], "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 4 passed, 0 failed, 0 skipped"])
    }

    /// A sheet in `content/` whose Swift and Python snippets try to create files in the
    /// repository, and one that writes in its own folder.
    private func writeRepositorySheet(in directory: TemporaryDirectory) throws {
        try directory.makeFolder("content")
        try directory.makeFolder(".cheatgen")
        let root = directory.url.resolvingSymlinksInPath().path
        let targets = ["content/planted", ".cheatgen/planted", "planted"]
        let swiftPaths = targets.map { "\"\(root)/\($0)-swift\"" }.joined(separator: ", ")
        let pythonPaths = targets.map { "\"\(root)/\($0)-python\"" }.joined(separator: ", ")
        let refused = String(repeating: "refused: Read-only file system\n", count: 3)
        try directory.write(header + """

            ## Writes

            ### Swift plants files

            ```swift
            import Glibc
            for path in [\(swiftPaths)] {
                if let file = fopen(path, "w") {
                    fclose(file)
                    print("wrote \\(path)")
                } else {
                    print("refused: \\(String(cString: strerror(errno)))")
                }
            }
            ```

            ```output
            \(refused)
            ```

            ### Python plants files

            ```python
            for path in [\(pythonPaths)]:
                try:
                    open(path, "w").close()
                    print("wrote", path)
                except OSError as error:
                    print("refused:", error.strerror)
            ```

            ```output
            \(refused)
            ```

            ### Its own folder is writable

            ```python
            open("scratch.txt", "w").write("mine")
            print(open("scratch.txt").read())
            ```

            ```output
            mine
            ```

            """, to: "content/writes.md")
    }

    @Test(.enabled(if: canConfine, "namespaces need root"))
    func snippetsCannotWriteIntoTheRepository() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeRepositorySheet(in: directory)

        let result = try await Cheatgen.run(["check", "content", "--no-cache", "--quiet"], in: directory)

        #expect(result.errorLines == [], "\(result.standardError)")
        #expect(result.outputLines == ["snippets: 3 passed, 0 failed, 0 skipped"])
        #expect(directory.entries("content") == ["writes.md"])
        #expect(!directory.entries(".cheatgen").contains { $0.hasPrefix("planted") })
        #expect(!directory.entries().contains { $0.hasPrefix("planted") })
    }

    @Test func withoutAMountNamespaceASnippetThatChangesTheRepositoryFails() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeRepositorySheet(in: directory)
        let text = try directory.read("content/writes.md")

        // As on a machine where no namespace can be made; one snippet at a time, so each
        // change is seen by the snippet that made it alone.
        let result = try await Cheatgen.run(["check", "content", "--no-cache", "--jobs", "1"], in: directory,
                                      environment: ["CHEATGEN_CONFINEMENT": "no-namespaces"])

        let found = try verdicts(result, sheet: "content/writes.md", text: text,
                                 cards: ["Swift plants files", "Python plants files", "Its own folder is writable"])
        // .cheatgen/ is not watched: cheatgen (this run or another) writes there itself.
        #expect(found["Swift plants files"] == "snippet changed content/planted-swift (and 1 more); snippets may write only in their own temporary folder")
        #expect(found["Python plants files"] == "snippet changed content/planted-python (and 1 more); snippets may write only in their own temporary folder")
        #expect(found["Its own folder is writable"] == "passed")
        #expect(result.outputLines.last == "snippets: 1 passed, 2 failed, 0 skipped")
        // Said once, not once per snippet.
        #expect(result.errorLines.count { $0.hasPrefix("cheatgen: note: snippets are not kept from writing into the repository") } == 1)
    }

    @Test(.enabled(if: hasControlGroups, "only safe where a control group enforces the limits"))
    func aRunawayAllocationOrAForkBombFailsAtItsLineAndTheOthersGoOn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = header + """

            ## Limits

            ### Swift allocates without end

            ```swift memory=64M timeout=20
            var chunks: [[UInt8]] = []
            while true { chunks.append([UInt8](repeating: 1, count: 8 << 20)) }
            ```

            ### Python allocates without end

            ```python memory=64M timeout=20
            chunks = []
            while True:
                chunks.append(bytearray(8 << 20))
            ```

            ### Python fits in its limit

            ```python memory=64M
            block = bytearray(16 << 20)
            print(len(block) >> 20)
            ```

            ```output
            16
            ```

            ### Swift forks without end

            ```swift memory=256M timeout=20
            import Glibc
            while true {
                if fork() < 0 { exit(1) }
            }
            ```

            ### Swift still runs after them

            ```swift
            print("still here")
            ```

            ```output
            still here
            ```

            """
        try directory.write(text, to: "limits.md")

        let result = try await Cheatgen.run(["check", "limits.md", "--no-cache", "--quiet"], in: directory)

        let found = try verdicts(result, sheet: "limits.md", text: text, cards: [
            "Swift allocates without end", "Python allocates without end", "Python fits in its limit", "Swift forks without end", "Swift still runs after them",
        ])
        let memory = "snippet exceeded its memory limit of 64 MiB and was stopped (raise it with memory=<size>)"
        #expect(found["Swift allocates without end"] == memory)
        #expect(found["Python allocates without end"] == memory)
        #expect(found["Python fits in its limit"] == "passed")
        #expect(found["Swift forks without end"] == "snippet exceeded its limit of 512 processes and threads")
        #expect(found["Swift still runs after them"] == "passed")
        #expect(result.outputLines == ["snippets: 2 passed, 3 failed, 0 skipped"])
    }

    @Test func underTheRlimitARunawayAllocationStillFailsAtItsLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = header + """

            ## Limits

            ### Python allocates without end

            ```python memory=256M timeout=20
            chunks = []
            while True:
                chunks.append(bytearray(8 << 20))
            ```

            ### Python fits in its limit

            ```python memory=256M
            print(len(bytearray(16 << 20)) >> 20)
            ```

            ```output
            16
            ```

            """
        try directory.write(text, to: "rlimit.md")

        let result = try await Cheatgen.run(["check", "rlimit.md", "--no-cache"], in: directory, environment: ["CHEATGEN_CONFINEMENT": "no-cgroups"])

        let found = try verdicts(result, sheet: "rlimit.md", text: text, cards: ["Python allocates without end", "Python fits in its limit"])
        #expect(found["Python allocates without end"] == "snippet exceeded its memory limit of 256 MiB and was stopped (raise it with memory=<size>)")
        #expect(found["Python fits in its limit"] == "passed")
        #expect(result.errorLines.count { $0.hasPrefix("cheatgen: note: snippets' memory is limited by RLIMIT_AS") } == 1)
    }

    /// Under a control group's limit (256 MiB here): it counts memory used, not reserved.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "needs node"),
          .enabled(if: hasControlGroups, "needs a control group to enforce the limit"))
    func threadSanitizerAndNodeRunUnderAControlGroupsMemoryLimit() async throws {
        try await runSanitizedProgramAndNode(mechanism: "control group", setting: "memory: 256M\n", environment: [:])
    }

    /// Under the address-space rlimit that replaces a control group where there is none (at the
    /// default 1 GiB).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "needs node"))
    func threadSanitizerAndNodeRunUnderTheAddressSpaceLimit() async throws {
        try await runSanitizedProgramAndNode(mechanism: "rlimit", setting: "", environment: ["CHEATGEN_CONFINEMENT": "no-cgroups"])
    }

    private func runSanitizedProgramAndNode(mechanism: String, setting: String, environment: [String: String]) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A ThreadSanitizer-instrumented program reserves terabytes of address space at start.
        let program = directory.path + "/tsan-program"
        try directory.write("import Dispatch\nvar total = 0\nlet lock = DispatchQueue(label: \"x\")\nDispatchQueue.concurrentPerform(iterations: 4) { n in lock.sync { total += n } }\nprint(\"tsan program: \\(total)\")\n", to: "tsan.swift")
        let compile = Process()
        compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compile.arguments = ["swiftc", "-sanitize=thread", directory.path + "/tsan.swift", "-o", program]
        try compile.run()
        compile.waitUntilExit()
        try #require(compile.terminationStatus == 0, "swiftc -sanitize=thread failed")
        try directory.write("env: [TSAN_PROGRAM]\n" + setting, to: "cheatgen.yml")
        try directory.write(header + """

            ## Reservations

            ### Node and a sanitized program

            ```python
            import os, subprocess
            node = subprocess.run(["node", "-e", "console.log('node ran')"], capture_output=True, text=True)
            print(node.stdout.strip() or node.stderr)
            tsan = subprocess.run([os.environ["TSAN_PROGRAM"]], capture_output=True, text=True)
            print(tsan.stdout.strip() or tsan.stderr)
            ```

            ```output
            node ran
            tsan program: 6
            ```

            """, to: "reserve.md")

        let result = try await Cheatgen.run(["check", "reserve.md", "--no-cache", "--quiet"], in: directory,
                                      environment: environment.merging(["TSAN_PROGRAM": program]) { a, _ in a })

        #expect(result.errorLines.filter { !$0.hasPrefix("cheatgen: note: ") } == [], "\(mechanism): \(result.standardError)")
        #expect(result.outputLines == ["snippets: 1 passed, 0 failed, 0 skipped"], "\(mechanism)")
    }
}

/// A TCP server on 127.0.0.1 outside any snippet: it listens (connections queue in its
/// backlog), which is all a snippet needs to tell whether it reached it.
private struct ListeningSocket {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound, "cannot listen on 127.0.0.1")
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(fd) }
}
