import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenVerification

// MARK: - Folders as values

/// Every file under `url`, hidden ones included: path relative to `url` → bytes.
/// Two folders are byte-identical trees when their snapshots are equal.
func fileTree(at url: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = url.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
    for case let relative as String in enumerator {
        var isDirectory: ObjCBool = false
        let path = "\(base)/\(relative)"
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return files
}

/// Says which files differ between two snapshots, for readable failures.
func treeDifferences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).sorted().compactMap { path in
        switch (a[path], b[path]) {
        case (nil, _): "only in the second: \(path)"
        case (_, nil): "only in the first: \(path)"
        case let (x?, y?) where x != y: "differs: \(path)"
        default: nil
        }
    }
}

extension TemporaryDirectory {
    /// Makes `folder` (and its parents) inside the directory.
    func makeFolder(_ folder: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// Names in a folder of the directory, sorted (none if it does not exist).
    func entries(_ folder: String = ".") -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path))?.sorted() ?? []
    }

    /// Replaces `old` with `new` in a file; records an issue if `old` is not there.
    func edit(_ name: String, replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try read(name)
        try #require(text.contains(old), "'\(old)' is not in \(name)", sourceLocation: sourceLocation)
        try write(text.replacingOccurrences(of: old, with: new), to: name)
    }
}

// MARK: - Reading the built HTML

/// A start tag of a built page: `<a href="x" class="y">` → name `a`, attributes in order.
/// Attribute values are decoded (`&amp;` → `&`).
struct HTMLTag {
    var name: String
    var attributes: [(name: String, value: String?)]

    func value(of attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value ?? nil
    }
}

/// A small scanner for the HTML cheatgen writes, tolerant of anything: every `<` followed by
/// a letter starts a tag, as it does for a browser. Text that cheatgen escaped (`&lt;img …`)
/// is therefore never mistaken for a tag — and markup that leaked through unescaped is found.
enum HTMLScanner {
    static func tags(in html: String) -> [HTMLTag] {
        let scalars = Array(html.unicodeScalars)
        var tags: [HTMLTag] = []
        var index = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{C}" }
        while index < scalars.count {
            guard scalars[index] == "<", index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic, scalars[index + 1].isASCII else {
                index += 1
                continue
            }
            index += 1
            var name = ""
            while index < scalars.count, !isSpace(scalars[index]), scalars[index] != ">", scalars[index] != "/" {
                name.unicodeScalars.append(scalars[index]); index += 1
            }
            var attributes: [(String, String?)] = []
            while index < scalars.count, scalars[index] != ">" {
                if isSpace(scalars[index]) || scalars[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "=", scalars[index] != ">", scalars[index] != "/" {
                    attribute.unicodeScalars.append(scalars[index]); index += 1
                }
                while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                var value: String?
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                    var raw = ""
                    if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                        let quote = scalars[index]
                        index += 1
                        while index < scalars.count, scalars[index] != quote { raw.unicodeScalars.append(scalars[index]); index += 1 }
                        index += 1
                    } else {
                        while index < scalars.count, !isSpace(scalars[index]), scalars[index] != ">" { raw.unicodeScalars.append(scalars[index]); index += 1 }
                    }
                    value = decodeEntities(raw)
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(HTMLTag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }

    /// The entities cheatgen's escaping produces, plus numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) < 10 else {
                result += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let entity = after[after.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "apos": "'"]
            if let text = named[String(entity)] {
                result += text
            } else if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += after[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}

/// The HTML pages of a built site: path relative to the site → text.
func htmlPages(in site: URL) throws -> [String: String] {
    try fileTree(at: site).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
}

/// Every `id` on a page.
func ids(in html: String) -> [String] {
    HTMLScanner.tags(in: html).compactMap { $0.value(of: "id") }
}

/// Whether an address points outside the site (and is therefore not checked).
func isExternal(_ address: String) -> Bool {
    let lower = address.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
}

/// Resolves an internal address written on `page` (a path relative to the site root) and says
/// what is wrong with it, or nil when it names an existing file and, with `#frag`, an element
/// with that id there. An empty fragment (`#`) is the top of the page.
func problem(with address: String, on page: String, pages: [String: String], files: Set<String>) -> String? {
    let parts = address.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let pathPart = String(parts[0])
    let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
    var target = page
    if !pathPart.isEmpty {
        if pathPart.hasPrefix("/") || pathPart.contains(":") { return "\(page): '\(address)' is not a relative address" }
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in (pathPart.removingPercentEncoding ?? pathPart).split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return "\(page): '\(address)' leaves the site" }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        target = components.joined(separator: "/")
    }
    guard files.contains(target) else { return "\(page): '\(address)' names \(target), which was not built" }
    if !fragment.isEmpty {
        guard let html = pages[target] else { return "\(page): '\(address)' has a fragment but \(target) is not a page" }
        if !ids(in: html).contains(fragment) { return "\(page): '\(address)': \(target) has no element with id '\(fragment)'" }
    }
    return nil
}

// MARK: - Golden files

/// Expected outputs kept in the source tree under `Fixtures/golden/`, read and written there
/// directly (not through the test bundle) so that `CHEATGEN_UPDATE_GOLDEN=1 swift test …`
/// rewrites them in place. Review the diff of a rewritten golden file before committing it.
enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["CHEATGEN_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or rewrites it under CHEATGEN_UPDATE_GOLDEN=1.
    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "golden file \(url.path) is missing; write it with CHEATGEN_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        if expected != actual {
            let diff = UnifiedDiff.make(expected: expected.components(separatedBy: "\n"), actual: actual.components(separatedBy: "\n"))
            Issue.record("\(name) differs from its golden file (CHEATGEN_UPDATE_GOLDEN=1 rewrites it):\n\(diff.prefix(60).joined(separator: "\n"))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Replaces toolchain versions (`Swift 6.3`, `Python 3.11`, `Node 20`) with `<version>`, so
    /// golden pages survive a toolchain update. "Swift 6" (no dot) in prose is left alone; Node
    /// is named by its major release alone, so any `Node N` is a version.
    static func normalizingVersions(_ text: String) -> String {
        text.replacing(try! Regex(#"(Swift|Python) [0-9]+(?:\.[0-9]+)+|(Node) [0-9]+(?:\.[0-9]+)*"#)) { match in
            "\(match.output[1].substring ?? match.output[2].substring ?? "") <version>"
        }
    }
}

// MARK: - Places in fixtures

/// The 1-based line of the first line containing `needle` below the line containing `start`
/// (typically a card's fence below its `###` heading).
func lineNumber(of needle: String, below start: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let from = try #require(lines.firstIndex { $0.contains(start) }, "'\(start)' not in fixture", sourceLocation: sourceLocation)
    let hit = try #require(lines[(from + 1)...].firstIndex { $0.contains(needle) }, "'\(needle)' not below '\(start)'", sourceLocation: sourceLocation)
    return hit + 1
}

/// How a Swift runtime trap ends a process on this machine.
var trapSignalName: String {
    #if arch(x86_64)
    "signal 4 SIGILL (Swift runtime trap)"
    #else
    "signal 5 SIGTRAP (Swift runtime trap)"
    #endif
}

var trapSignalNumber: Int32 {
    #if arch(x86_64)
    4
    #else
    5
    #endif
}

/// Command lines of the processes running now, from /proc (arguments split on NUL).
func runningCommandLines() -> [[String]] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { entry -> [String]? in
        guard Int32(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), !data.isEmpty else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }
}
