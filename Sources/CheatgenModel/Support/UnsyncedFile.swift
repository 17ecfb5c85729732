import Foundation

/// Writes a whole file with `open`/`write`/`close` and nothing more. Foundation's `Data.write`
/// and `FileManager.createFile` also `fsync` every file, which a build pays hundreds of times
/// (707 for the devhints site, about 1,000 for a cold check of content/). The files written this
/// way are never trusted for having been synced: a site is staged and swapped in whole, and a
/// cache record carries its own digest, so one cut short by a power loss is a miss.
package enum UnsyncedFile {
    /// Creates or replaces the file at `path` with `data`; throws the system's error.
    package static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CheatgenError.file(path: path, action: "create", underlying: POSIXError(code)) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw CheatgenError.file(path: path, action: "write", underlying: POSIXError(code)) }
                offset += count
            }
        }
    }

    private static var code: POSIXErrorCode { POSIXErrorCode(rawValue: errno) ?? .EIO }
}
