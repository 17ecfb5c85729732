import Foundation

/// The `swift-frontend` command the driver would run for one snippet, learned once by asking
/// `swiftc -###` with placeholder names and reused with each snippet's own. Skipping the driver
/// process saves about 40% of every compile (0.08 s instead of 0.13 s here); the job is
/// exactly the driver's, so the compiled object is the same.
struct FrontendInvocation: Sendable, Codable {
    static let input = "cheatgen-placeholder-input.swift"
    static let output = "cheatgen-placeholder-output.o"
    static let module = "CheatgenPlaceholderModule"
    static let entry = "cheatgen_placeholder_entry"

    /// The frontend executable and its arguments, with the placeholders above in them.
    var words: [String]

    /// Asks the driver for its job (or reads the answer remembered under `cacheDirectory` for
    /// this compiler binary). Nil when the driver plans anything but a single frontend job: then
    /// the driver is used. Keyed by the binary, not its version, so it can be asked while the
    /// version is still being found; concurrent askers of the same job share one answer.
    static func learn(swiftc: String, arguments: [String], cacheDirectory: String) async -> FrontendInvocation? {
        let key = Hashing.key(["frontend-v2", ToolVersion.fingerprint(of: swiftc, companions: ["swift-frontend"])] + arguments)
        return await inFlight.value(for: "\(cacheDirectory)|\(key)") {
            await ask(swiftc: swiftc, arguments: arguments, remembered: "\(cacheDirectory)/frontend-\(key.prefix(24)).json")
        }
    }

    private static let inFlight = SharedWork<String, FrontendInvocation?>()

    private static func ask(swiftc: String, arguments: [String], remembered: String) async -> FrontendInvocation? {
        if let known = CacheFile.readJSON(FrontendInvocation.self, from: remembered) { return known }
        let scratch = (remembered as NSString).deletingLastPathComponent
        guard let jobs = await DriverPlan.jobs(swiftc: swiftc, arguments: arguments, scratchParent: scratch),
              jobs.count == 1, let words = jobs.first,
              words.count > 2, words[0].hasSuffix("swift-frontend"), words[1] == "-frontend",
              words.contains(input), words.contains(output), words.contains(module), words.contains(entry) else { return nil }
        let invocation = FrontendInvocation(words: words)
        CacheFile.writeJSON(invocation, to: remembered)
        return invocation
    }

    /// The command for one snippet.
    func command(input: String, output: String, module: String, entry: String) -> (String, [String]) {
        let replaced = words.map { word -> String in
            switch word {
            case Self.input: input
            case Self.output: output
            case Self.module: module
            case Self.entry: entry
            default: word
            }
        }
        return (replaced[0], Array(replaced.dropFirst()))
    }
}
