import Foundation
import CheatgenModel

/// `cheatgen new <id>`: starts a sheet from a small template whose one example is already
/// correct, so the writer's first `check` passes and shows the format.
package struct NewSheetAction: Sendable {
    package var id: String
    package var directory: String
    package var title: String?

    package init(id: String, directory: String = "content", title: String? = nil) {
        self.id = id
        self.directory = directory
        self.title = title
    }

    /// Ids are file names and URLs: lowercase letters, digits and single dashes.
    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    package static func template(title: String) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        summary: One line on what this sheet covers, shown on the index.
        tags: []
        ---

        Who this sheet is for and what it assumes, in a sentence or two.

        ## Basics

        ### A first card

        Say in a line what the snippet shows. Its output below is checked on every build;
        `cheatgen bless` rewrites it from a real run.

        ```swift
        let words = ["verified", "cheat", "sheet"]
        print(words.map { $0.uppercased() }.joined(separator: " "))
        ```

        ```output
        VERIFIED CHEAT SHEET
        ```

        """
    }

    /// `swift-actors` → `Swift Actors`.
    package static func title(forID id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A YAML double-quoted scalar: any title is safe in it.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes the sheet and returns its path; never overwrites.
    package func run() throws -> String {
        guard Self.isValidID(id) else {
            throw CheatgenError.invalidSheetID(id)
        }
        let path = "\(directory)/\(id).md"
        if FileManager.default.fileExists(atPath: path) { throw CheatgenError.wouldOverwrite(paths: [path], starting: "") }
        let title = self.title ?? Self.title(forID: id)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(Self.template(title: title).utf8)) else {
            throw CheatgenError.file(path: path, action: "create")
        }
        return path
    }
}
