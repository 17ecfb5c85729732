import Foundation

/// The Swift compiler that verifies snippets, and its version (part of every cache key).
public struct Toolchain: Sendable, Hashable {
    public var swiftc: String
    /// The first line of `swiftc --version`, e.g. `Swift version 6.3.1 (swift-6.3.1-RELEASE)`.
    public var version: String

    public init(swiftc: String, version: String) {
        self.swiftc = swiftc
        self.version = version
    }

    /// The short version shown on pages: `6.3.1`.
    public var shortVersion: String {
        let words = version.split(separator: " ")
        if let index = words.firstIndex(of: "version"), index + 1 < words.count { return String(words[index + 1]) }
        return version
    }

    /// Finds `swiftc` (`$CHEATGEN_SWIFTC`, else on `PATH`) and asks its version — or, when
    /// `cacheDirectory` remembers the answer for this exact compiler binary, reads it from there.
    public static func locate(cacheDirectory: String? = nil) async throws -> Toolchain {
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
        let fingerprint = Self.fingerprint(of: swiftc)
        let remembered = cacheDirectory.map { "\($0)/toolchain-\(Hashing.key([fingerprint]).prefix(24)).txt" }
        if let remembered, let data = FileManager.default.contents(atPath: remembered),
           let version = String(data: data, encoding: .utf8), !version.isEmpty {
            return Toolchain(swiftc: swiftc, version: version)
        }
        let outcome = try await ProcessRunner.run(swiftc, arguments: ["--version"], timeout: .seconds(60))
        let text = outcome.outputText + outcome.errorText
        guard outcome.succeeded, let line = text.split(separator: "\n").first(where: { $0.contains("version") }) else {
            throw CheatgenError("'\(swiftc) --version' failed: \(text)")
        }
        if let remembered {
            try? FileManager.default.createDirectory(atPath: (remembered as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? String(line).write(toFile: remembered, atomically: true, encoding: .utf8)
        }
        return Toolchain(swiftc: swiftc, version: String(line))
    }

    /// Identifies the compiler binaries on disk: their resolved paths, sizes and modification
    /// times. A reinstalled or upgraded toolchain changes it, so its version is asked again.
    private static func fingerprint(of swiftc: String) -> String {
        let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path
        let frontend = (resolved as NSString).deletingLastPathComponent + "/swift-frontend"
        return [swiftc, resolved, frontend].map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "-"
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path):\(size):\(modified)"
        }.joined(separator: "|")
    }
}
