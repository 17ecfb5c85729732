import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every process group cheatgen has started and not yet reaped, and every scratch folder it
/// is writing, so that an interrupted run (SIGINT, SIGTERM) leaves neither behind.
public final class ChildProcesses: @unchecked Sendable {
    public static let shared = ChildProcesses()

    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var folders: Set<String> = []
    private var sources: [DispatchSourceSignal] = []

    func started(group: pid_t) { lock.withLock { _ = groups.insert(group) } }
    func ended(group: pid_t) { lock.withLock { _ = groups.remove(group) } }
    func writing(folder: String) { lock.withLock { _ = folders.insert(folder) } }
    func finished(folder: String) { lock.withLock { _ = folders.remove(folder) } }

    /// Kills every live process group and removes unfinished output folders.
    public func cleanUp() {
        let (groups, folders) = lock.withLock { (self.groups, self.folders) }
        for group in groups { _ = kill(-group, SIGKILL) }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// On SIGINT or SIGTERM: clean up, then exit with the conventional status (128 + signal).
    public func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                self?.cleanUp()
                FileHandle.standardError.write(Data("\ncheatgen: interrupted; nothing was written\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }
}
