import Foundation
import CheatgenModel
import CheatgenVerification

/// Pygments' colouring of code blocks, remembered in the work directory between builds. Lexing
/// is half the work of building a site that verifies nothing (the devhints sheets: about 2
/// CPU-seconds of Python, as much as the rest of the build), and most blocks are the same from
/// one build to the next — above all under `cheatgen serve`, which builds on every save.
///
/// One record per Python and highlighting script (the file name holds a digest of the
/// interpreter's resolved path, size and modification time, and of the script): an upgraded
/// Python or a cheatgen that colours differently starts a new record. Inside, the record names
/// the Pygments it was made with (its `__init__.py`, fingerprinted the same way), so Pygments
/// upgraded or installed again under the same Python is asked again. The record keeps what the
/// last build used and nothing else: it is the size of the site's code, never growing. A
/// block Pygments could not colour in time is not kept, so the next build tries it again.
struct HighlightCache {
    /// What a build learned about its blocks, as it is stored.
    struct Record: Codable, Equatable {
        /// Pygments' `__init__.py` and its fingerprint when the record was written.
        var pygmentsFile: String
        var pygmentsFingerprint: String
        /// Fence languages Pygments has no lexer for (their blocks are plain text).
        var unknownLanguages: Set<String>
        /// A block's key (`HighlightCache.key`) → its highlighted HTML.
        var html: [String: String]
    }

    /// The record's file.
    let path: String

    /// The cache for `interpreter` running `script`, in `directory`.
    init(directory: String, interpreter: String, script: String) {
        let identity = Hashing.key([ToolVersion.fingerprint(of: interpreter, companions: []), script])
        path = "\(directory)/highlighted-\(identity.prefix(24)).json"
    }

    /// A block's key: its language and its code.
    static func key(_ block: PygmentsHighlighter.Block) -> String {
        Hashing.key([block.language, block.code])
    }

    /// The stored record, or nil when there is none, it is damaged, or the Pygments it was made
    /// with has changed on disk since.
    func load() -> Record? {
        guard let record = CacheFile.readJSON(Record.self, from: path),
              ToolVersion.fingerprint(of: record.pygmentsFile, companions: []) == record.pygmentsFingerprint else { return nil }
        return record
    }

    /// Stores `record` in place of the previous one (atomically; a failed write only costs the
    /// next build its lexing).
    func save(_ record: Record) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        CacheFile.writeJSON(record, to: path)
    }
}
