import Foundation
import CheatgenModel

/// Finds a tool (`swiftc`, `python3`, `node`) and its version line. Asking a compiler its version
/// costs a process start on every run, so the answer is remembered in the work directory
/// under a fingerprint of the binary on disk (resolved path, size, modification time): a
/// reinstalled or upgraded tool is asked again.
package enum ToolVersion {
    /// The first executable among `$override` (when set) or `name` on PATH.
    package static func locate(_ name: String, override variable: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates: [String]
        if let explicit = environment[variable], !explicit.isEmpty {
            candidates = [explicit]
        } else {
            candidates = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Why `locate` found nothing, in words for a diagnostic: the override names no program, or
    /// `name` is not on PATH. `install`: how to get it.
    package static func missing(_ name: String, override variable: String, install: String) -> String {
        if let explicit = ProcessInfo.processInfo.environment[variable], !explicit.isEmpty {
            return "\(variable) is set to '\(explicit)', which is not an executable program"
        }
        return "'\(name)' was not found on PATH (\(install), or set \(variable))"
    }

    /// The line of `tool --version` that holds a version, remembered under `cacheDirectory`.
    /// `companions` are files next to the resolved binary that also identify the tool.
    /// `asking`: a binary that answers for the tool more cheaply (`swift-frontend` for `swiftc`,
    /// which otherwise starts the driver only to run the frontend).
    /// `linePrefix`: how the tool's version line starts when it does not say "version"
    /// (`Python 3.11.7`, Node's `v20.20.2`).
    package static func version(of tool: String, companions: [String] = [], asking: String? = nil, linePrefix: String? = nil,
                        cacheDirectory: String?) async -> String? {
        let remembered = cacheDirectory.map { "\($0)/tool-\(Hashing.key([fingerprint(of: tool, companions: companions)]).prefix(24)).txt" }
        if let remembered, let data = CacheFile.read(remembered),
           let version = String(data: data, encoding: .utf8), !version.isEmpty, !version.contains("\n") {
            return version
        }
        guard let outcome = try? await ProcessRunner.run(asking ?? tool, arguments: ["--version"], timeout: ToolTimeLimits.versionQuery), outcome.succeeded else {
            return nil
        }
        let text = outcome.outputText + outcome.errorText
        guard let line = text.split(separator: "\n").first(where: { line in
            line.lowercased().contains("version") || linePrefix.map { line.hasPrefix($0) } == true
        }) else {
            return nil
        }
        if let remembered { CacheFile.write(Data(line.utf8), to: remembered) }
        return String(line)
    }

    /// The binary on disk: resolved path, size and modification time, with its companions'.
    package static func fingerprint(of tool: String, companions: [String]) -> String {
        let resolved = URL(fileURLWithPath: tool).resolvingSymlinksInPath().path
        let folder = (resolved as NSString).deletingLastPathComponent
        return ([tool, resolved] + companions.map { "\(folder)/\($0)" }).map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "-"
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path):\(size):\(modified)"
        }.joined(separator: "|")
    }
}
