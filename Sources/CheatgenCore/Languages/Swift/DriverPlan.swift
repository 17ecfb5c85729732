import Foundation

/// What the Swift driver would run for a command line: `swiftc -### …`, one job per line,
/// split into words. The driver makes a temporary folder even when it only prints its plan
/// and leaves it behind, so it is asked with `TMPDIR` pointing into a folder removed after.
enum DriverPlan {
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
