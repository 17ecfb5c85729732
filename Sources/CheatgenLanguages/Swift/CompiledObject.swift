import Foundation
import CheatgenVerification

/// A compiled object in `.cheatgen/objects/` and what the compiler said while compiling it
/// (its warnings, in `<object>.messages` beside it), for a snippet's own module and for a
/// module several snippets share alike.
enum CompiledObject {
    static func messagesFile(of object: String) -> String {
        (object as NSString).deletingPathExtension + ".messages"
    }

    /// The messages of an object already compiled, if it and its messages validate (nil:
    /// compile it again).
    static func cached(_ object: String) -> String? {
        guard CacheFile.isIntact(object) else { return nil }
        let messagesFile = messagesFile(of: object)
        if !FileManager.default.fileExists(atPath: messagesFile) { return "" }
        return CacheFile.read(messagesFile).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Publishes a compiled object. Its messages are written before it appears, so an object
    /// never lacks its own.
    static func publish(_ temporary: String, as object: String, messages: String) {
        let messagesFile = messagesFile(of: object)
        if messages.trimmed().isEmpty {
            try? FileManager.default.removeItem(atPath: messagesFile)
        } else {
            CacheFile.write(Data(messages.utf8), to: messagesFile)
        }
        CacheFile.publish(binary: temporary, as: object)
    }
}
