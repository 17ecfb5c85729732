import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where no mount namespace can make the repository read-only: what its files look like before
/// and after a snippet runs, so a snippet that changed one fails for it.
///
/// Only files no cheatgen process writes are watched, so neither this run nor a concurrent one
/// is blamed on a snippet: not the work folder (`.cheatgen/`: caches, durations, scratch), not
/// a site cheatgen wrote (a folder holding `SiteWriter.marker`) or is staging
/// (`.<site>.building-<pid>`), not the files the output of this or another running cheatgen
/// goes to. (Two snippets running at once may both see a change one of them made.)
struct RepositoryWatch {
    let roots: [String]
    let excluded: [String]

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    init(roots: [String], excluded: [String]) {
        self.roots = roots
        self.excluded = excluded
    }

    /// The files that the standard output and error of every running cheatgen (this process,
    /// and any other started from the same executable) are written to.
    private static func cheatgenOutputs() -> Set<FileID> {
        var found: Set<FileID> = []
        func add(_ path: String) {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                found.insert(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            }
        }
        add("/proc/self/fd/1")
        add("/proc/self/fd/2")
        guard let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return found }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where entry.first?.isNumber == true {
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe")) == own else { continue }
            add("/proc/\(entry)/fd/1")
            add("/proc/\(entry)/fd/2")
        }
        return found
    }

    /// A folder that cheatgen writes, whoever runs it: a site, or one being staged.
    static func isWrittenByCheatgen(folder: String, name: String) -> Bool {
        if name.hasPrefix("."), let range = name.range(of: ".building-", options: .backwards),
           !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isNumber) {
            return true
        }
        return access(folder + "/" + SiteWriter.marker, F_OK) == 0
    }

    fileprivate struct Stamp: Equatable {
        var size: Int64
        var modified: timespec
        var inode: UInt64
        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    struct Snapshot { fileprivate var stamps: [String: Stamp] }

    func snapshot() -> Snapshot {
        var stamps: [String: Stamp] = [:]
        let outputs = Self.cheatgenOutputs()
        for root in roots { walk(root, skipping: outputs, into: &stamps) }
        return Snapshot(stamps: stamps)
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from before: Snapshot, to after: Snapshot) -> [String] {
        let paths = Set(before.stamps.keys).union(after.stamps.keys)
        return paths.filter { before.stamps[$0] != after.stamps[$0] }.sorted()
    }

    private func walk(_ folder: String, skipping outputs: Set<FileID>, into stamps: inout [String: Stamp]) {
        guard !excluded.contains(folder), let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            let path = folder + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if Self.isWrittenByCheatgen(folder: path, name: entry) { continue }
                // A folder changes with its entries; the entries themselves are what to report.
                stamps[path] = Stamp(size: -1, modified: timespec(), inode: UInt64(info.st_ino))
                walk(path, skipping: outputs, into: &stamps)
            } else if outputs.contains(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))) {
                continue
            } else {
                stamps[path] = Stamp(size: Int64(info.st_size), modified: info.st_mtim, inode: UInt64(info.st_ino))
            }
        }
    }
}
