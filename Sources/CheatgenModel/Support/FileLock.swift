import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file or folder, for the few things two cheatgen runs on one
/// repository must not do at once (swap the site into place, build the declared packages).
/// The kernel drops the lock when its holder exits, however it exits — kill -9 included —
/// so a lock is never left behind.
package enum FileLock {
    /// Runs `body` holding the lock on `path` (created empty when missing; a folder is locked as is).
    package static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = try acquire(path)
        defer { release(descriptor) }
        return try body()
    }

    package static func withLock<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
        // Waiting for another run's package build can take minutes: wait on a thread of its
        // own, not on one of the cooperative pool's.
        let descriptor = try await onDedicatedThread { try acquire(path) }
        defer { release(descriptor) }
        return try await body()
    }

    private static func acquire(_ path: String) throws -> Int32 {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let descriptor = exists && isDirectory.boolValue ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                                         : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CheatgenError.file(path: path, action: "open the lock", underlying: SystemError(errno))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw CheatgenError.file(path: path, action: "lock", underlying: Reason(reason))
            }
        }
        return descriptor
    }

    private static func release(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
