import Foundation

/// The Swift compiler that verifies snippets, and its version (part of every cache key).
public struct Toolchain: Sendable, Hashable {
    public var swiftc: String
    /// The first line of `swiftc --version`, e.g. `Swift version 6.3.1 (swift-6.3.1-RELEASE)`.
    public var version: String

    /// The short version shown on pages: `6.3.1`.
    public var shortVersion: String {
        let words = version.split(separator: " ")
        if let index = words.firstIndex(of: "version"), index + 1 < words.count { return String(words[index + 1]) }
        return version
    }

    /// Finds `swiftc` (`$CHEATGEN_SWIFTC`, else on `PATH`) and asks its version.
    public static func locate() async throws -> Toolchain {
        let environment = ProcessInfo.processInfo.environment
        let candidates: [String]
        if let explicit = environment["CHEATGEN_SWIFTC"], !explicit.isEmpty {
            candidates = [explicit]
        } else {
            candidates = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/swiftc" }
        }
        guard let swiftc = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CheatgenError("cannot find 'swiftc' on PATH; install Swift 6 or set CHEATGEN_SWIFTC")
        }
        let outcome = try await ProcessRunner.run(swiftc, arguments: ["--version"], timeout: .seconds(60))
        let text = outcome.outputText + outcome.errorText
        guard outcome.succeeded, let line = text.split(separator: "\n").first(where: { $0.contains("version") }) else {
            throw CheatgenError("'\(swiftc) --version' failed: \(text)")
        }
        return Toolchain(swiftc: swiftc, version: String(line))
    }
}
