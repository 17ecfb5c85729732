import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
import CheatgenModel
import CheatgenParsing
#endif

/// Control groups for snippet runs: one folder per cheatgen process, one group per run inside
/// it with a memory and a process-count limit. cgroup v2 (`memory.max`, `pids.max`) where the
/// machine has it with both controllers, else cgroup v1's memory and pids hierarchies; nil
/// when neither can be written (not root, no delegation, another OS).
package final class Cgroups: Sendable {
    package enum Version: String { case v2 = "cgroup v2", v1 = "cgroup v1" }

    package let version: Version
    /// This process's folder in each hierarchy used (one for v2; memory and pids for v1).
    let roots: [String]
    private let counter = Mutex(0)

    private init(version: Version, roots: [String]) {
        self.version = version
        self.roots = roots
    }

    /// One snippet's group: its `cgroup.procs` files, open for the child to join.
    struct Group {
        let folders: [String]
        let procs: [Int32]
        let version: Version

        /// The kernel killed something in it for want of memory.
        var ranOutOfMemory: Bool {
            switch version {
            case .v2: return Self.count("oom_kill", in: "\(folders[0])/memory.events") > 0
            // Not memory.failcnt: it also counts page cache reclaimed at the limit, which is harmless.
            case .v1: return Self.count("oom_kill", in: "\(folders[0])/memory.oom_control") > 0
            }
        }

        /// A fork was refused because the group was at its process limit.
        var hitProcessLimit: Bool { Self.count("max", in: "\(folders.last!)/pids.events") > 0 }

        /// Kills whatever is still in the group (processes that left the snippet's session too),
        /// then removes it.
        func remove() {
            for fd in procs where fd >= 0 { close(fd) }
            for _ in 0..<50 {
                var alive = false
                for folder in folders {
                    let pids = (try? String(contentsOfFile: "\(folder)/cgroup.procs", encoding: .utf8)) ?? ""
                    for pid in pids.split(separator: "\n").compactMap({ pid_t($0) }) {
                        alive = true
                        kill(pid, SIGKILL)
                    }
                }
                if !alive { break }
                ChildProcesses.shared.sweepOrphans()
                usleep(2_000)
            }
            for folder in folders { rmdir(folder) }
        }

        /// `oom_kill 3` → 3.
        private static func count(_ key: String, in file: String) -> Int {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count == 2, words[0] == key { return Int(words[1]) ?? 0 }
            }
            return 0
        }
    }

    /// Makes a group limited to `memory` bytes and `processes` tasks (threads count too).
    func makeGroup(memory: Int, processes: Int) throws -> Group {
        let number = counter.withLock { $0 += 1; return $0 }
        var folders: [String] = []
        var procs: [Int32] = []
        do {
            for root in roots {
                let folder = "\(root)/run-\(number)"
                guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw CheatgenError.file(path: folder, action: "create", underlying: SystemError(errno)) }
                folders.append(folder)
            }
            switch version {
            case .v2:
                try Self.write("\(memory)", to: "\(folders[0])/memory.max")
                try? Self.write("0", to: "\(folders[0])/memory.swap.max")
                try Self.write("\(processes)", to: "\(folders[0])/pids.max")
            case .v1:
                try Self.write("\(memory)", to: "\(folders[0])/memory.limit_in_bytes")
                try? Self.write("\(memory)", to: "\(folders[0])/memory.memsw.limit_in_bytes")
                try Self.write("\(processes)", to: "\(folders[1])/pids.max")
            }
            for folder in folders {
                let fd = open("\(folder)/cgroup.procs", O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw CheatgenError.file(path: "\(folder)/cgroup.procs", action: "open", underlying: SystemError(errno)) }
                procs.append(fd)
            }
        } catch {
            Group(folders: folders, procs: procs, version: version).remove()
            throw error
        }
        return Group(folders: folders, procs: procs, version: version)
    }

    /// Removes this process's folders (at the end of a run, or on an interrupt).
    func removeRoots() {
        for root in roots {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where entry.hasPrefix("run-") {
                rmdir("\(root)/\(entry)")
            }
            rmdir(root)
        }
    }

    // MARK: Finding a place

    /// Where this machine lets cheatgen make limited groups, or nil and why not.
    static func locate() -> (Cgroups?, String?) {
        let mounts = CgroupMounts(mountinfo: (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? "")
        let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        let v2Mount = mounts.unified
        let v1Mounts = mounts.controllers
        var paths: [String: String] = [:]  // controller ("" for v2) → path
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            for controller in parts[1].split(separator: ",") { paths[String(controller)] = String(parts[2]) }
            if parts[1].isEmpty { paths[""] = String(parts[2]) }
        }
        let name = "cheatgen-\(getpid())"
        var reasons: [String] = []
        if let mount = v2Mount, let own = paths[""] {
            // Under cheatgen's own group when it may delegate there; else at the top.
            let ownFolder = mount + (own == "/" ? "" : own)
            for parent in Set([ownFolder, mount]).sorted(by: { $0.count > $1.count }) {
                let root = "\(parent)/\(name)"
                switch makeV2Root(root, parent: parent) {
                case .success: return (Cgroups(version: .v2, roots: [root]), nil)
                case .failure(let reason): reasons.append(reason.message)
                }
            }
        }
        if let memoryMount = v1Mounts["memory"], let pidsMount = v1Mounts["pids"], let memoryPath = paths["memory"], let pidsPath = paths["pids"] {
            let parents = [memoryMount + (memoryPath == "/" ? "" : memoryPath), pidsMount + (pidsPath == "/" ? "" : pidsPath)]
            parents.forEach(removeStale)
            let roots = parents.map { "\($0)/\(name)" }
            if roots.allSatisfy({ mkdir($0, 0o755) == 0 || errno == EEXIST }),
               FileManager.default.fileExists(atPath: roots[0] + "/memory.limit_in_bytes"),
               FileManager.default.fileExists(atPath: roots[1] + "/pids.max") {
                return (Cgroups(version: .v1, roots: roots), nil)
            }
            reasons.append("cannot create \(roots[0]): \(String(cString: strerror(errno)))")
            for root in roots { rmdir(root) }
        }
        return (nil, reasons.first ?? "no cgroup hierarchy with the memory and pids controllers is mounted")
    }

    /// Removes the folders of cheatgen processes that are gone (killed with -9, say).
    private static func removeStale(in parent: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix("cheatgen-") {
            guard let pid = pid_t(entry.dropFirst("cheatgen-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let root = "\(parent)/\(entry)"
            for run in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where run.hasPrefix("run-") { rmdir("\(root)/\(run)") }
            rmdir(root)
        }
    }

    private static func makeV2Root(_ root: String, parent: String) -> Result<Void, CheatgenError> {
        removeStale(in: parent)
        let controllers = (try? String(contentsOfFile: "\(parent)/cgroup.subtree_control", encoding: .utf8)) ?? ""
        if !(controllers.contains("memory") && controllers.contains("pids")) {
            // Fails (EBUSY) where the parent holds processes itself: cgroup v2's rule.
            guard (try? write("+memory +pids", to: "\(parent)/cgroup.subtree_control")) != nil else {
                return .failure(CheatgenError.file(path: parent, action: "enable the memory and pids controllers in"))
            }
        }
        guard mkdir(root, 0o755) == 0 || errno == EEXIST else {
            return .failure(CheatgenError.file(path: root, action: "create", underlying: SystemError(errno)))
        }
        guard (try? write("+memory +pids", to: "\(root)/cgroup.subtree_control")) != nil else {
            rmdir(root)
            return .failure(CheatgenError.file(path: root, action: "enable the memory and pids controllers in"))
        }
        return .success(())
    }

    static func write(_ value: String, to file: String) throws {
        let fd = open(file, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CheatgenError.file(path: file, action: "open", underlying: SystemError(errno)) }
        defer { close(fd) }
        let bytes = Array(value.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else {
            throw CheatgenError.file(path: file, action: "write \(value) to", underlying: SystemError(errno))
        }
    }
}
