import Foundation
import Testing
@testable import CheatgenVerification

/// Cache files read back only as written: a record with its digest, a binary with its sidecar.
@Suite("Cache files")
struct CacheFileTests {
    @Test func aSealedRecordReadsBackAndAnyChangeToItIsAMiss() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/verdict.json"
        #expect(CacheFile.write(Data(#"{"failed":true}"#.utf8), to: path))
        #expect(CacheFile.read(path) == Data(#"{"failed":true}"#.utf8))

        let sealed = try String(contentsOfFile: path, encoding: .utf8)
        try sealed.replacingOccurrences(of: "true", with: "false").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(CacheFile.read(path) == nil, "an edited record is not believed")
        try String(sealed.prefix(sealed.count - 10)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(CacheFile.read(path) == nil, "a truncated record")
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(CacheFile.read(path) == nil, "an empty file")
        #expect(CacheFile.read(directory.path + "/missing.json") == nil)
        #expect(directory.entries().filter { $0.hasSuffix(".tmp") } == [], "no temporary file is left")
    }

    @Test func aPublishedBinaryIsIntactUntilItsBytesChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = directory.path + "/runner-1"
        let temporary = CacheFile.temporaryName(for: binary)
        try Data(repeating: 7, count: 3 << 20).write(to: URL(fileURLWithPath: temporary))
        #expect(CacheFile.publish(binary: temporary, as: binary))
        #expect(CacheFile.isIntact(binary))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: binary))
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: binary))
        #expect(!CacheFile.isIntact(binary), "one flipped bit")
        try FileManager.default.removeItem(atPath: CacheFile.sidecar(of: binary))
        #expect(!CacheFile.isIntact(binary), "no sidecar")
    }

    @Test func temporaryNamesCarryTheirWritersProcessID() {
        let name = (CacheFile.temporaryName(for: "/w/objects/abc.o") as NSString).lastPathComponent
        #expect(Leftovers.temporaryOwner(name) == ProcessInfo.processInfo.processIdentifier)
        #expect(Leftovers.temporaryOwner("abc.o.4242.tmp") == 4242)
        #expect(Leftovers.temporaryOwner("notes.tmp") == nil)
        #expect(!Leftovers.isDead(ProcessInfo.processInfo.processIdentifier), "never this run's own")
        #expect(!Leftovers.isDead(nil))
    }
}
