import Foundation
import CheatgenModel
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

    fileprivate struct FileID: Hashable {
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
        SiteFolder.isStaging(name) || access(folder + "/" + SiteFolder.marker, F_OK) == 0
    }

    fileprivate struct Stamp: Equatable {
        var size: Int64
        var modified: timespec
        var file: FileID
        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.file == b.file && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    struct Snapshot {
        fileprivate var stamps: [String: Stamp]
        /// What running cheatgens wrote their output to when the snapshot was taken.
        fileprivate var outputs: Set<FileID>
    }

    func snapshot() -> Snapshot {
        var stamps: [String: Stamp] = [:]
        for root in roots { walk(root, into: &stamps) }
        return Snapshot(stamps: stamps, outputs: Self.cheatgenOutputs())
    }

    /// Paths added, removed or changed between two snapshots, sorted. A file that was a
    /// cheatgen's output at either moment is not one: a cheatgen started in between writes
    /// to a file that was already there. Each side is matched against the outputs of its own
    /// moment: a file number is reused once its file is gone, so a file a snippet creates may
    /// carry the number of an output removed meanwhile.
    static func changes(from before: Snapshot, to after: Snapshot) -> [String] {
        let paths = Set(before.stamps.keys).union(after.stamps.keys)
        return paths.filter { path in
            let (old, new) = (before.stamps[path], after.stamps[path])
            if let old, before.outputs.contains(old.file) { return false }
            if let new, after.outputs.contains(new.file) { return false }
            return old != new
        }.sorted()
    }

    private func walk(_ folder: String, into stamps: inout [String: Stamp]) {
        guard !excluded.contains(folder), let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            let path = folder + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let file = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if Self.isWrittenByCheatgen(folder: path, name: entry) { continue }
                // A folder changes with its entries; the entries themselves are what to report.
                stamps[path] = Stamp(size: -1, modified: timespec(), file: file)
                walk(path, into: &stamps)
            } else {
                stamps[path] = Stamp(size: Int64(info.st_size), modified: info.st_mtim, file: file)
            }
        }
    }
}
