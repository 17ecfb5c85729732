import Foundation
import CheatgenModel
import CheatgenVerification

/// The Swift compiler that verifies snippets, and its version (part of every cache key).
struct Toolchain: Sendable, Hashable {
    var swiftc: String
    /// The first line of `swiftc --version`, e.g. `Swift version 6.3.1 (swift-6.3.1-RELEASE)`.
    var version: String

    init(swiftc: String, version: String) {
        self.swiftc = swiftc
        self.version = version
    }

    /// The short version shown on pages: `6.3.1`.
    var shortVersion: String {
        let words = version.split(separator: " ")
        if let index = words.firstIndex(of: "version"), index + 1 < words.count { return String(words[index + 1]) }
        return version
    }

    /// Finds `swiftc` (`$CHEATGEN_SWIFTC`, else on `PATH`) and its version, remembered in
    /// `cacheDirectory` for this exact compiler binary. Callers at the same time share one ask.
    /// `swiftc`, as the Swift language and doctor name it.
    static let tool = ToolRequirement(program: "swiftc", override: "CHEATGEN_SWIFTC", install: "install Swift 6",
                                      suggestion: "a Swift 6 toolchain from swift.org")

    static func locate(cacheDirectory: String? = nil) async throws -> Toolchain {
        guard let swiftc = tool.locate() else {
            throw CheatgenError.tool(name: "swiftc", problem: "was not found on PATH; install Swift 6 or set CHEATGEN_SWIFTC")
        }
        let key = "\(cacheDirectory ?? "-")|\(ToolVersion.fingerprint(of: swiftc, companions: ["swift-frontend"]))"
        // The driver answers `--version` by starting the frontend; asking the frontend is half the time.
        let frontend = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("swift-frontend").path
        let asking = FileManager.default.isExecutableFile(atPath: frontend) ? frontend : nil
        let version = await versions.value(for: key) {
            await ToolVersion.version(of: swiftc, companions: ["swift-frontend"], asking: asking, cacheDirectory: cacheDirectory)
        }
        guard let version else {
            throw CheatgenError.tool(name: swiftc, problem: "did not answer --version; is it a Swift compiler?")
        }
        return Toolchain(swiftc: swiftc, version: version)
    }

    private static let versions = SharedWork<String, String?>()

    /// The toolchain's `llvm-symbolizer`, which ThreadSanitizer uses to name source lines.
    var symbolizer: String? {
        let path = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("llvm-symbolizer").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Asks the compiler what a check needs from it — its version, its frontend jobs and its
    /// link jobs — all at once. `CheckAction` runs this while it reads the sheets; the answers
    /// are remembered, and the later asks for each find them.
    static func warmUp(cacheDirectory: String, extraFlags: [String]) async {
        guard let swiftc = tool.locate() else { return }
        async let version = try? locate(cacheDirectory: cacheDirectory)
        async let jobs = SnippetCompiler.learnFrontend(swiftc: swiftc, extraFlags: extraFlags, cacheDirectory: cacheDirectory)
        async let link = LinkInvocation.learn(swiftc: swiftc, flags: extraFlags, cacheDirectory: cacheDirectory)
        async let module = MergedCompilation.learnFrontend(swiftc: swiftc, extraFlags: extraFlags, cacheDirectory: cacheDirectory)
        _ = await (version, jobs, link, module)
    }
}
