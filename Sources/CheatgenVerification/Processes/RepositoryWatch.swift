import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where no mount namespace can make the repository read-only: what its files look like before
/// and after a snippet runs, so a snippet that changed one fails for it. (Concurrent runs may
/// both see one change; cheatgen's own scratch folder is left out.)
struct RepositoryWatch {
    let roots: [String]
    let excluded: [String]

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
        for root in roots { walk(root, into: &stamps) }
        return Snapshot(stamps: stamps)
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func changes(from before: Snapshot, to after: Snapshot) -> [String] {
        let paths = Set(before.stamps.keys).union(after.stamps.keys)
        return paths.filter { before.stamps[$0] != after.stamps[$0] }.sorted()
    }

    private func walk(_ folder: String, into stamps: inout [String: Stamp]) {
        guard !excluded.contains(folder), let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            let path = folder + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                // A folder changes with its entries; the entries themselves are what to report.
                stamps[path] = Stamp(size: -1, modified: timespec(), inode: UInt64(info.st_ino))
                walk(path, into: &stamps)
            } else {
                stamps[path] = Stamp(size: Int64(info.st_size), modified: info.st_mtim, inode: UInt64(info.st_ino))
            }
        }
    }
}
