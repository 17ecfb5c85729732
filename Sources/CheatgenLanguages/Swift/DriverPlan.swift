import Foundation
import CheatgenModel
import CheatgenVerification

/// What the Swift driver would run for a command line: `swiftc -### …`, one job per line,
/// split into words — learned once per compiler binary and remembered in the work directory,
/// so cheatgen can run the jobs itself without starting the driver each time
/// (`FrontendInvocation`, `LinkInvocation`).
enum DriverPlan {
    /// The plan for `arguments` as `recognise` reads it: the answer remembered under
    /// `cacheDirectory` for this compiler binary, else the driver's, remembered for next time.
    /// Nil when the driver's plan is not what `recognise` understands (the driver is used
    /// then). Keyed by the binary, not its version, so it can be asked while the version is
    /// still being found; concurrent askers of the same plan share one answer.
    static func learn<Plan: Codable & Sendable>(_ kind: String, swiftc: String, arguments: [String], cacheDirectory: String,
                                                 recognise: @escaping @Sendable ([[String]]) -> Plan?) async -> Plan? {
        let key = Hashing.key([kind, ToolVersion.fingerprint(of: swiftc, companions: ["swift-frontend"])] + arguments)
        let remembered = "\(cacheDirectory)/\(kind.prefix { $0 != "-" })-\(key.prefix(24)).json"
        let data = await inFlight.value(for: "\(cacheDirectory)|\(key)") { () -> Data? in
            if let known = CacheFile.readJSON(Plan.self, from: remembered) { return try? JSONEncoder().encode(known) }
            guard let jobs = await jobs(swiftc: swiftc, arguments: arguments, scratchParent: cacheDirectory),
                  let plan = recognise(jobs) else { return nil }
            CacheFile.writeJSON(plan, to: remembered)
            return try? JSONEncoder().encode(plan)
        }
        return data.flatMap { try? JSONDecoder().decode(Plan.self, from: $0) }
    }

    private static let inFlight = SharedWork<String, Data?>()

    /// The driver's jobs, asked now. The driver makes a temporary folder even when it only
    /// prints its plan and leaves it behind, so it is asked with `TMPDIR` pointing into a
    /// folder removed after.
    static func jobs(swiftc: String, arguments: [String], scratchParent: String) async -> [[String]]? {
        let temporary = "\(scratchParent)/driver-plan-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        guard let outcome = try? await ProcessRunner.run(swiftc, arguments: ["-###"] + arguments, environment: environment,
                                                         timeout: ToolTimeLimits.driverPlan),
              outcome.succeeded else { return nil }
        let lines = outcome.outputText.split(separator: "\n").filter { !$0.trimmed().isEmpty }
        let jobs = lines.compactMap { ShellWords.split(String($0)) }
        return jobs.count == lines.count ? jobs : nil
    }
}
