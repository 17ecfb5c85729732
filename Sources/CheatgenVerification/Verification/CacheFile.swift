import Crypto
import Foundation
import CheatgenModel
import CheatgenParsing

/// How everything under `.cheatgen/` is written and read back. A cache file can be cut short
/// or garbled by a full disk, a killed process or a bad CI cache restore; one that does not
/// validate is a miss (and is removed), never a crash and never a wrong verdict.
///
/// - Records (verdicts, learned compiler jobs, tool versions, durations, compiler messages) carry
///   their own SHA-256 on a last line: `read` returns the bytes only when it matches.
/// - Binaries (objects, runners) cannot carry a trailer, so a sidecar `<file>.sha256` holds the
///   digest of the whole file; `isIntact` hashes the binary again before it is reused.
///
/// Every write goes to a uniquely named temporary file beside the target, then one `rename`:
/// a reader sees the old file or the new one, never half of one, whoever else is writing.
package enum CacheFile {
    private static let trailer = "\ncheatgen-sha256:"

    /// The payload of a sealed record, or nil (and the file removed) when it does not validate.
    package static func read(_ path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let marker = Data(trailer.utf8)
        guard let range = data.range(of: marker, options: .backwards),
              let digest = String(data: data[range.upperBound...], encoding: .utf8)?.trimmingCharacters(in: .newlines),
              digest == hex(data[..<range.lowerBound]) else {
            discard(path)
            return nil
        }
        return Data(data[..<range.lowerBound])
    }

    /// Writes `payload` sealed with its digest, atomically.
    @discardableResult
    package static func write(_ payload: Data, to path: String) -> Bool {
        var sealed = payload
        sealed.append(Data("\(trailer)\(hex(payload))\n".utf8))
        return writeAtomically(sealed, to: path)
    }

    /// A sealed JSON record.
    package static func readJSON<Value: Decodable>(_ type: Value.Type, from path: String) -> Value? {
        guard let data = read(path) else { return nil }
        guard let value = try? JSONDecoder().decode(type, from: data) else {
            discard(path)
            return nil
        }
        return value
    }

    @discardableResult
    package static func writeJSON<Value: Encodable>(_ value: Value, to path: String, encoder: JSONEncoder = JSONEncoder()) -> Bool {
        guard let data = try? encoder.encode(value) else { return false }
        return write(data, to: path)
    }

    // MARK: Binaries

    package static func sidecar(of path: String) -> String { "\(path).sha256" }

    /// Whether the binary at `path` is the one its sidecar describes. One without a sidecar,
    /// or whose bytes changed, is a miss: the caller builds it again and `publish` replaces it.
    /// It is not removed here: another run may be linking or starting the file it replaces.
    package static func isIntact(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path),
              let expected = read(sidecar(of: path)).flatMap({ String(data: $0, encoding: .utf8) }),
              let digest = digest(ofFileAt: path) else { return false }
        return digest == expected
    }

    /// Publishes a finished binary (written at `temporary`): its sidecar first, then the binary
    /// by rename, so a binary in place has the digest it is checked against. (Without a
    /// sidecar — a full disk — the binary is still used this time, and is a miss the next.)
    @discardableResult
    package static func publish(binary temporary: String, as path: String) -> Bool {
        if let digest = digest(ofFileAt: temporary) { write(Data(digest.utf8), to: sidecar(of: path)) }
        return rename(temporary, path) == 0
    }

    // MARK: Writing

    /// A temporary name beside `path` no other writer uses: process id and a random part.
    package static func temporaryName(for path: String) -> String {
        "\(path).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Writes `data` to a unique temporary file, then renames it over `path`.
    @discardableResult
    package static func writeAtomically(_ data: Data, to path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temporary = temporaryName(for: path)
        guard (try? UnsyncedFile.write(data, to: temporary)) != nil else { return false }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
        return true
    }

    private static func discard(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    // MARK: Digests

    static func hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// SHA-256 of a file, read in chunks so a large runner is not held in memory.
    package static func digest(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            // nil or empty: the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            return nil
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
