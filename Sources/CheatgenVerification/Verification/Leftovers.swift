import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a run killed without warning (kill -9, a power cut) leaves half-written: its scratch
/// folder, temporary cache files, a staged site. Each carries the process id of the run that
/// made it, so the next run removes those whose run is gone and leaves a live run's alone.
package enum Leftovers {
    /// Removes dead runs' scratch folders and temporary files under the work directory.
    static func sweep(workDirectory work: String) {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: "\(work)/scratch")) ?? [] where isDead(Int32(name)) {
            try? fileManager.removeItem(atPath: "\(work)/scratch/\(name)")
        }
        for folder in [work, "\(work)/objects", "\(work)/bin", "\(work)/verdicts"] {
            for name in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] {
                let owner: Int32?
                if name.hasSuffix(".tmp") {
                    owner = temporaryOwner(name)
                } else if name.hasPrefix("driver-plan-") {
                    owner = Int32(name.dropFirst("driver-plan-".count).prefix { $0.isNumber })
                } else {
                    continue
                }
                if isDead(owner) { try? fileManager.removeItem(atPath: "\(folder)/\(name)") }
            }
        }
    }

    /// Removes the staged (`.site.building-<pid>`) and set-aside (`.site.old-<pid>`) folders of
    /// dead builds beside `destination`.
    package static func sweep(besideSite destination: URL) {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let prefixes = [".\(destination.lastPathComponent).building-", ".\(destination.lastPathComponent).old-"]
        for name in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            if isDead(Int32(name.dropFirst(prefix.count))) {
                try? fileManager.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// `name.<pid>-<random>.tmp` (CacheFile) or `name.<pid>.tmp` (older writers) → pid.
    static func temporaryOwner(_ name: String) -> Int32? {
        let stem = name.dropLast(".tmp".count)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        return Int32(stem[stem.index(after: dot)...].prefix { $0.isNumber })
    }

    /// True only for a process id no process has: not for this run, a live run or a bad name.
    static func isDead(_ pid: Int32?) -> Bool {
        guard let pid, pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
