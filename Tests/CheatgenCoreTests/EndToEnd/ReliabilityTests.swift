import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CheatgenSite

/// A sheet whose verdicts are known: two passes, a failure by output, a rejected compile that
/// is expected (a pass), a compile error nobody expected (a failure), and a Python pass.
private let mixedSheet = """
---
title: Mixed verdicts
---

## Cards

### Sums

```swift
print([1, 2, 3].reduce(0, +))
```

```output
6
```

### Wrong output

```swift
print("left")
```

```output
right
```

### Rejected on purpose

```swift compile-fail
let n: Int = "one"
```

### Rejected by mistake

```swift
let m: Int = "two"
print(m)
```

### Python adds

```python
print(2 + 2)
```

```output
4
```

"""

/// What a run said that a user relies on: exit status, the summary, and every error line
/// (sorted: two runs at once may finish snippets in another order).
private struct Verdicts: Equatable, CustomStringConvertible {
    var status: Int32
    var summary: [String]
    var errors: [String]

    init(_ result: CommandResult) {
        status = result.status
        summary = result.outputLines
        errors = result.errorLines.filter { $0.contains(": error: ") }.sorted()
    }

    var description: String { "exit \(status), \(summary), errors: \(errors.joined(separator: "\n"))" }
}

/// Every file under `folder` (recursively), for damaging them all.
private func files(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    return enumerator.compactMap { $0 as? String }.map { "\(folder)/\($0)" }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
}

/// Ways a cache file is found damaged after a full disk, a killed process or a bad restore.
enum CacheDamage: String, CaseIterable, Sendable {
    case truncated, garbled, emptied

    func apply(to path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged: Data
        switch self {
        case .truncated:
            damaged = data.prefix(data.count / 2)
        case .garbled:
            // Every 7th byte flipped from the middle on: the file keeps its length and its start.
            var bytes = [UInt8](data)
            for index in stride(from: bytes.count / 2, to: bytes.count, by: 7) { bytes[index] ^= 0x5A }
            damaged = Data(bytes)
        case .emptied:
            damaged = Data()
        }
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        try damaged.write(to: URL(fileURLWithPath: path))
        if let permissions { try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path) }
    }
}

/// A process id no process has: a child that has already exited.
private func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// Starts `cheatgen arguments…` in the background; its result once it ends.
private func startCheatgen(_ arguments: [String], in directory: TemporaryDirectory) -> Task<CommandResult, any Error> {
    Task.detached { try await Cheatgen.run(arguments, in: directory) }
}

/// Temporary files and staging folders that no run should leave: `*.tmp` anywhere under
/// `.cheatgen/`, dead runs' scratch folders, and `.site.*` beside the site.
private func litter(in directory: TemporaryDirectory) -> [String] {
    let work = directory.path + "/.cheatgen"
    let temporary = files(under: work).filter { $0.hasSuffix(".tmp") }.map { $0.replacingOccurrences(of: directory.path + "/", with: "") }
    let scratch = directory.entries(".cheatgen/scratch").map { ".cheatgen/scratch/\($0)" }
    let plans = directory.entries(".cheatgen").filter { $0.hasPrefix("driver-plan-") }
    return temporary + scratch + plans + directory.entries().filter { $0.hasPrefix(".site.") }
}

// MARK: - A raw HTTP client that sets its own Host

private struct RawReply {
    var status: Int
    var declaredLength: Int?
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends `request` as is to 127.0.0.1:`port` and reads the reply until the server closes.
private func rawRequest(port: Int, _ request: String) throws -> RawReply {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw HTTPClientError.failed("socket") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw HTTPClientError.failed("connect: \(String(cString: strerror(errno)))") }
    let bytes = Array(request.utf8)
    guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
        throw HTTPClientError.failed("send")
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let separator = Array("\r\n\r\n".utf8)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw HTTPClientError.failed("recv: \(String(cString: strerror(errno)))") }
        if count == 0 { break }
        received += buffer[..<count]
        if let end = received.firstRange(of: separator), let length = contentLength(in: received[..<end.lowerBound]),
           received.count - end.upperBound >= length { break }
    }
    guard let end = received.firstRange(of: separator) else { throw HTTPClientError.failed("no headers in \(received.count) bytes") }
    let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
    guard let status = Int(head.split(separator: " ").dropFirst().first ?? "") else { throw HTTPClientError.failed("bad status line: \(head)") }
    return RawReply(status: status, declaredLength: contentLength(in: received[..<end.lowerBound]), body: Array(received[end.upperBound...]))
}

private func contentLength(in head: ArraySlice<UInt8>) -> Int? {
    String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        .first { $0.lowercased().hasPrefix("content-length:") }
        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
}

private func get(port: Int, _ path: String, host: String?) throws -> RawReply {
    let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
    return try rawRequest(port: port, "GET \(path) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
}

/// Round two of hardening: damaged caches, two runs at once, kill -9, and the preview server
/// under load. Part of the Hardening suite (run one at a time, like the rest of it).
extension HostileInputTests {
    // MARK: - Corrupted caches

    @Test(arguments: CacheDamage.allCases)
    func everyDamagedCacheFileIsAMissAndVerdictsStayRight(_ damage: CacheDamage) async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.write(mixedSheet, to: "mixed.md")
        let clean = Verdicts(try await Cheatgen.run(["check", "mixed.md", "--quiet"], in: directory))
        #expect(clean.status == 1)
        #expect(clean.summary == ["snippets: 3 passed, 2 failed, 0 skipped"], "\(clean)")

        // Every kind of file: verdicts, objects and their warnings, runners, the dispatcher,
        // learned compiler jobs, tool versions, durations — and the checksums themselves.
        let cached = files(under: directory.path + "/.cheatgen")
        let names = cached.map { ($0 as NSString).lastPathComponent }
        #expect(names.contains { $0.hasPrefix("runner-") }, "a runner was cached: \(names)")
        #expect(names.contains { $0.hasSuffix(".o") } && names.contains("durations.json"))
        #expect(cached.contains { $0.contains("/verdicts/") } && names.contains { $0.hasPrefix("frontend-") })
        for path in cached { try damage.apply(to: path) }

        let damaged = Verdicts(try await Cheatgen.run(["check", "mixed.md", "--quiet"], in: directory))
        #expect(damaged == clean, "after \(damage) cache files: \(damaged)")
        // The damaged files were replaced: a third run answers from the cache, the same way.
        let again = try await Cheatgen.run(["check", "mixed.md", "--verbose"], in: directory)
        #expect(Verdicts(again).status == clean.status && Verdicts(again).errors == clean.errors)
        #expect(again.errorLines.contains { $0.hasPrefix("passed ") && $0.lowercased().contains("sums") && $0.hasSuffix(" (cached)") },
                "\(again.standardError)")
        #expect(litter(in: directory) == [])
    }

    @Test func aTamperedVerdictNeverTurnsAFailureIntoAPass() async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.write(mixedSheet, to: "mixed.md")
        let clean = Verdicts(try await Cheatgen.run(["check", "mixed.md", "--quiet"], in: directory))
        // Flip every cached failure to a pass, leaving the rest of each file as it was.
        var tampered = 0
        for path in files(under: directory.path + "/.cheatgen/verdicts") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains("\"failed\":true") else { continue }
            try text.replacingOccurrences(of: "\"failed\":true", with: "\"failed\":false").write(toFile: path, atomically: true, encoding: .utf8)
            tampered += 1
        }
        #expect(tampered >= 1, "the rejected compile's failure is cached")
        #expect(Verdicts(try await Cheatgen.run(["check", "mixed.md", "--quiet"], in: directory)) == clean)
    }

    // MARK: - Two runs at once

    @Test func twoChecksAndTwoBuildsAtOnceGiveRightVerdictsAndOneConsistentCache() async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.copyFixture("site", as: "content")
        try directory.write(mixedSheet, to: "mixed.md")

        // Two checks of a failing sheet on an empty cache, at the same moment.
        let first = startCheatgen(["check", "mixed.md", "--quiet"], in: directory)
        let second = startCheatgen(["check", "mixed.md", "--quiet"], in: directory)
        let (a, b) = (Verdicts(try await first.value), Verdicts(try await second.value))
        #expect(a.status == 1 && a.summary == ["snippets: 3 passed, 2 failed, 0 skipped"], "\(a)")
        #expect(a == b, "the two runs disagree:\n\(a)\n\(b)")
        #expect(Verdicts(try await Cheatgen.run(["check", "mixed.md", "--quiet"], in: directory)) == a, "the cache they left")

        // Two builds of one site at once: both succeed, the site is whole, nothing is left over.
        let site = directory.path + "/site"
        let builds = [startCheatgen(["build", "content", "--output", site, "--quiet"], in: directory),
                      startCheatgen(["build", "content", "--output", site, "--quiet"], in: directory)]
        for build in builds {
            let result = try await build.value
            #expect(result.status == 0, "\(result.standardError)")
        }
        let built = try fileTree(at: URL(fileURLWithPath: site))
        #expect(built[SiteWriter.marker] != nil && built["index.html"] != nil && built["alpha.html"] != nil)
        #expect(litter(in: directory) == [])

        // What both left is a cache every entry of which validates: a last run is all cached.
        let last = try await Cheatgen.run(["check", "content", "--verbose"], in: directory)
        #expect(last.status == 0)
        let verdictLines = last.errorLines.filter { $0.hasPrefix("passed ") || $0.hasPrefix("failed ") }
        #expect(!verdictLines.isEmpty && verdictLines.allSatisfy { $0.hasSuffix("(cached)") }, "\(verdictLines)")
    }

    /// `cheatgen check --verbose > check.log` (a line per snippet as it ends) inside the repository: where no mount can make it read-only
    /// (scripts/unprivileged-tests), cheatgen watches the repository's files while snippets run,
    /// and its own growing log must not be blamed on them.
    @Test func aLogWrittenIntoTheRepositoryIsNotBlamedOnASnippet() async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.write(mixedSheet, to: "mixed.md")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" check mixed.md --verbose > check.log 2>&1", try Cheatgen.executable.path]
        shell.currentDirectoryURL = directory.url
        try shell.run()
        shell.waitUntilExit()
        let log = try directory.read("check.log")
        #expect(shell.terminationStatus == 1)
        #expect(log.contains("snippets: 3 passed, 2 failed, 0 skipped"), "\(log)")
        #expect(!log.contains("snippets may write only"), "\(log)")
    }

    // MARK: - kill -9

    @Test func aBuildKilledMidwayLeavesTheSiteAndTheNextBuildCleansUp() async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.copyFixture("site", as: "content")
        // Python code on a page is coloured by Pygments, a process of its own: a window to kill in.
        try directory.write(mixedSheet.replacingOccurrences(of: "print(\"left\")", with: "print(\"right\")")
            .replacingOccurrences(of: "let m: Int = \"two\"", with: "let m: Int = 2"), to: "content/mixed.md")
        let site = directory.path + "/site"
        let first = try await Cheatgen.run(["build", "content", "--output", site, "--quiet"], in: directory)
        try #require(first.status == 0, "\(first.standardError)")
        let before = try fileTree(at: URL(fileURLWithPath: site))

        // Kill a build the moment its new site is being written.
        try directory.edit("content/alpha.md", replacing: "title: Alpha Basics", with: "title: Alpha Killed")
        let killed = try RunningCheatgen(["build", "content", "--output", site, "--quiet"], in: directory)
        defer { killed.kill() }
        var sawStaging = false
        for _ in 0..<180_000 where killed.process.isRunning {
            if directory.entries().contains(where: { $0.hasPrefix(".site.building-") }) {
                Glibc.kill(killed.process.processIdentifier, SIGKILL)
                sawStaging = true
                break
            }
            usleep(1_000)
        }
        killed.process.waitUntilExit()
        #expect(sawStaging, "the build ended before its staging folder was seen")
        #expect(killed.process.terminationReason == .uncaughtSignal)
        #expect(try fileTree(at: URL(fileURLWithPath: site)) == before, "the previous site is intact")

        // What other killed runs leave in the work folder, under a process id no run has.
        let dead = try deadProcessID()
        try directory.makeFolder(".cheatgen/scratch/\(dead)")
        try directory.write("half", to: ".cheatgen/scratch/\(dead)/alpha.swift")
        try directory.write("half an object", to: ".cheatgen/objects/0123.o.\(dead)-77.tmp")
        try directory.write("half a verdict", to: ".cheatgen/verdicts/0123.json.\(dead)-78.tmp")
        try directory.makeFolder(".site.old-\(dead)")
        #expect(!litter(in: directory).isEmpty)

        let next = try await Cheatgen.run(["build", "content", "--output", site, "--quiet"], in: directory)
        #expect(next.status == 0, "\(next.standardError)")
        #expect(try directory.read("site/alpha.html").contains("<h1>Alpha Killed</h1>"))
        #expect(litter(in: directory) == [], "half-written folders and files are removed")
    }

    // MARK: - The preview server

    @Test func serveUnderLoadWhileRebuildingAnswersOnlyWholePagesToItsOwnHost() async throws {
        let directory = try TemporaryDirectory(learned: false)  // first checks, learning included
        defer { directory.remove() }
        try directory.copyFixture("site", as: "content")
        let server = try RunningCheatgen(["serve", "content", "--port", "0", "--output", directory.path + "/site"], in: directory)
        defer { server.kill() }
        let line = try #require(try await server.waitForLine(startingWith: "serving http://127.0.0.1:", seconds: 180),
                                "no 'serving' line; stderr: \(server.standardError)")
        let port = try #require(Int(line.dropFirst("serving http://127.0.0.1:".count).prefix { $0.isNumber }))

        // DNS rebinding: only the loopback names with this port are answered.
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            #expect(try get(port: port, "/index.html", host: host).status == 200, "Host: \(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1", "127.0.0.1:\(port + 1)", "localhost.evil.example:\(port)", ""] {
            let reply = try get(port: port, "/index.html", host: host)
            #expect((400..<500).contains(reply.status), "Host: '\(host)' → \(reply.status)")
            #expect(!reply.text.contains("Alpha Basics"), "Host: '\(host)' got the site")
        }
        #expect((400..<500).contains(try get(port: port, "/index.html", host: nil).status), "no Host at all")
        // Traversal, plain and encoded, stays refused.
        for path in ["/../content/alpha.md", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%252e%252e/content/alpha.md",
                     "/assets/%2e%2e/%2e%2e/content/alpha.md", "/.%2e/content/alpha.md", "/..\\content\\alpha.md"] {
            let reply = try get(port: port, path, host: "127.0.0.1:\(port)")
            #expect(reply.status == 404, "\(path) → \(reply.status)")
            #expect(!reply.text.contains("title: Alpha") && !reply.text.contains("root:x:0"), "\(path) leaked a file")
        }

        // 16 clients × 40 requests while the content changes twice.
        let titles = ["Alpha Basics", "Alpha Second", "Alpha Third"]
        let paths = ["/", "/index.html", "/alpha.html", "/beta.html", "/gamma.html", "/assets/style.css", "/404.html"]
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var requests = 0
            var failures: [String] = []
            var titlesSeen: Set<String> = []
        }
        let tally = Tally()
        let rebuilt = ManagedAtomicFlag()
        let clients = (0..<16).map { client in
            Thread {
                for request in 0..<40 {
                    let path = paths[(client + request) % paths.count]
                    var failure: String?
                    var title: String?
                    do {
                        let reply = try get(port: port, path, host: "127.0.0.1:\(port)")
                        if reply.status != 200 {
                            failure = "\(path) → \(reply.status)"
                        } else if reply.declaredLength != reply.body.count {
                            failure = "\(path): \(reply.body.count) of \(reply.declaredLength ?? -1) bytes"
                        } else if path.hasSuffix(".html") || path == "/", !reply.text.hasSuffix("</html>\n") {
                            failure = "\(path): a torn page"
                        }
                        if path == "/alpha.html" { title = titles.first { reply.text.contains("<h1>\($0)</h1>") } }
                    } catch {
                        failure = "\(path): \(error)"
                    }
                    tally.lock.withLock {
                        tally.requests += 1
                        if let failure { tally.failures.append(failure) }
                        if let title { tally.titlesSeen.insert(title) }
                    }
                    // Paced to span both rebuilds; at full speed once they are done.
                    if !rebuilt.isSet { usleep(400_000) }
                }
            }
        }
        clients.forEach { $0.start() }
        for (generation, (old, new)) in [(2, (titles[0], titles[1])), (3, (titles[1], titles[2]))] {
            try await Task.sleep(for: .milliseconds(300))
            try directory.edit("content/alpha.md", replacing: "title: \(old)", with: "title: \(new)")
            let reached = try await poll(seconds: 120) {
                (try? status(port: port)).flatMap { $0.generation >= generation ? $0 : nil }
            }
            #expect(reached?.ok == true, "rebuild \(generation - 1): \(String(describing: reached)); stderr: \(server.standardError)")
        }
        rebuilt.set()
        _ = try await poll(seconds: 120) { clients.allSatisfy(\.isFinished) ? true : nil }
        let (requests, failures, seen) = tally.lock.withLock { (tally.requests, tally.failures, tally.titlesSeen) }
        #expect(requests == 640)
        #expect(failures == [], "\(failures.count) of \(requests) requests failed: \(failures.prefix(10))")
        #expect(seen.count >= 2, "requests spanned a rebuild: saw \(seen.sorted())")
        #expect(try get(port: port, "/alpha.html", host: "localhost:\(port)").text.contains("<h1>Alpha Third</h1>"))
        print("serve load test: \(requests) requests, \(failures.count) failures, titles seen: \(seen.sorted())")
    }
}

/// A flag threads read without a lock of their own.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

private struct LiveStatus: Decodable {
    var generation: Int
    var ok: Bool
}

private func status(port: Int) throws -> LiveStatus {
    let reply = try get(port: port, "/__cheatgen/status", host: "127.0.0.1:\(port)")
    return try JSONDecoder().decode(LiveStatus.self, from: Data(reply.body))
}
