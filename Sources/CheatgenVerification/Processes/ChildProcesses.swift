import CProcessControl
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Every process group cheatgen has started and not yet reaped, and every scratch folder it
/// is writing, so that an interrupted run (SIGINT, SIGTERM) leaves neither behind.
package final class ChildProcesses: Sendable {
    package static let shared = ChildProcesses()

    private struct State {
        var groups: Set<pid_t> = []
        var folders: Set<String> = []
        var interrupted = false
        var stopMessage = "interrupted; nothing was written"
        var stopsCleanly = false
    }
    private let state = Mutex(State())
    /// The signal sources, kept alive for the process's life. Written once, by
    /// `installSignalHandlers` at startup before any task runs; never read.
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []

    func started(group: pid_t) { state.withLock { _ = $0.groups.insert(group) } }
    func ended(group: pid_t) { state.withLock { _ = $0.groups.remove(group) } }
    package func writing(folder: String) { state.withLock { _ = $0.folders.insert(folder) } }
    package func finished(folder: String) { state.withLock { _ = $0.folders.remove(folder) } }

    /// Set once a signal asked cheatgen to stop: nothing more is reported or written.
    package var interrupted: Bool { state.withLock { $0.interrupted } }

    /// Kills every live session and removes unfinished output folders.
    package func cleanUp() {
        let (groups, folders) = state.withLock { ($0.groups, $0.folders) }
        for group in groups { Self.killSession(group) }
        sweepOrphans()
        Confinement.tearDown()
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Kills a child started as the leader of its own session, and everything in that session.
    /// Foundation's `Process` puts its children in a process group of their own, so killing the
    /// group is not enough; they all keep the session, which only `setsid` leaves.
    static func killSession(_ leader: pid_t) {
        guard leader > 0 else { return }
        _ = kill(-leader, SIGKILL)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = pid_t(entry), pid != leader, getsid(pid) == leader else { continue }
            _ = kill(pid, SIGKILL)
        }
    }

    /// Makes cheatgen the reaper of orphaned descendants: a process a snippet detached from its
    /// session (setsid, double fork) is then reparented here and `sweepOrphans` finds it.
    package func adoptOrphans() {
        _ = cheatgen_become_child_subreaper()
    }

    /// Kills and reaps children cheatgen did not start itself — orphans of snippets adopted
    /// as their reaper. Called when a run ends, when no child of its own is alive.
    package func sweepOrphans() {
        let me = getpid()
        let known = state.withLock { $0.groups }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = pid_t(entry), pid != me, !known.contains(pid), Self.parent(of: pid) == me else { continue }
            _ = kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    /// The parent pid from `/proc/<pid>/stat` (the field after the parenthesised name).
    /// CPU time used so far by every process in a session (clock ticks, children that were
    /// waited for included): a session that stops adding to it is doing nothing at all.
    static func cpuTicks(session: pid_t) -> Int {
        guard session > 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var total = 0
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After the name: state, ppid, pgrp, session, …, utime (12th), stime, cutime, cstime.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 14, pid_t(fields[3]) == session else { continue }
            total += fields[11...14].reduce(0) { $0 + (Int($1) ?? 0) }
        }
        return total
    }

    private static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// What a signal means: an interrupted run (the default) or a server asked to stop.
    package var stopMessage: String {
        get { state.withLock { $0.stopMessage } }
        set { state.withLock { $0.stopMessage = newValue } }
    }
    package var stopsCleanly: Bool {
        get { state.withLock { $0.stopsCleanly } }
        set { state.withLock { $0.stopsCleanly = newValue } }
    }

    /// On SIGINT or SIGTERM: clean up, then exit with the conventional status (128 + signal),
    /// or 0 when stopping is the normal way to end (a server).
    package func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                self?.state.withLock { $0.interrupted = true }
                self?.cleanUp()
                let (message, clean) = self.map { ($0.stopMessage, $0.stopsCleanly) } ?? ("interrupted", false)
                FileHandle.standardError.write(Data("\ncheatgen: \(message)\n".utf8))
                exit(clean ? 0 : 128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
