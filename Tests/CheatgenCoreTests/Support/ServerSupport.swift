import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cheatgen` started in the background (for `serve`), its output going to files that the test
/// reads as they grow. Call `kill()` in a `defer`: the child never outlives the test.
final class RunningCheatgen {
    let process = Process()
    private let outURL: URL
    private let errURL: URL

    init(_ arguments: [String], in directory: TemporaryDirectory) throws {
        process.executableURL = try Cheatgen.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        outURL = directory.captureFile("stdout")
        errURL = directory.captureFile("stderr")
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var standardOutput: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Waits until standard output has a line starting with `prefix` and returns it, or nil
    /// after `seconds` (or when the process ended first).
    func waitForLine(startingWith prefix: String, seconds: Double) async throws -> String? {
        try await poll(seconds: seconds) {
            standardOutput.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
        }
    }

    /// Sends `signal` and waits up to `seconds` for the process to end; true if it did.
    func stop(_ signal: Int32, seconds: Double) async throws -> Bool {
        guard process.isRunning else { return true }
        Glibc.kill(process.processIdentifier, signal)
        return try await poll(seconds: seconds) { process.isRunning ? nil : true } ?? false
    }

    /// Kills the process if it still runs, and waits for it.
    func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Calls `check` every 100 ms until it returns a value, for at most `seconds`; sleeps without
/// holding a thread, so other tests run meanwhile.
func poll<T>(seconds: Double, _ check: () throws -> T?) async throws -> T? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if let value = try check() { return value }
        try await Task.sleep(for: .milliseconds(100))
    } while Date() < deadline
    return try check()
}

/// A response as the test reads it.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum HTTPClientError: Error, CustomStringConvertible {
    case failed(String)
    var description: String { if case .failed(let why) = self { why } else { "" } }
}

/// A bare HTTP/1.1 GET over a socket: the path goes out byte for byte (no client normalises
/// `..` away, which is what a path-traversal test needs).
func httpGet(port: Int, path: String, timeoutSeconds: Int = 10) throws -> HTTPReply {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw HTTPClientError.failed("socket: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw HTTPClientError.failed("connect to port \(port): \(String(cString: strerror(errno)))") }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
    guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
        throw HTTPClientError.failed("send: \(String(cString: strerror(errno)))")
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw HTTPClientError.failed("recv: \(String(cString: strerror(errno)))") }
        if count == 0 { break }
        received += buffer[..<count]
        // Done once the headers and Content-Length bytes of body are in.
        if let end = received.firstRange(of: separator) {
            let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
            if let length = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") })
                .flatMap({ Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }),
               received.count - end.upperBound >= length { break }
        }
    }
    guard let end = received.firstRange(of: separator) else { throw HTTPClientError.failed("no HTTP headers in \(received.count) bytes") }
    let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
    guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
        throw HTTPClientError.failed("bad status line in \(head)")
    }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return HTTPReply(status: status, headers: headers, body: String(decoding: received[end.upperBound...], as: UTF8.self))
}
