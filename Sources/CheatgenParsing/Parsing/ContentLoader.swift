import Foundation
import CheatgenModel

/// Finds and parses the sheets under the paths given on the command line, then checks what
/// only the whole set can tell: duplicate ids and cross-references. What it keeps of each
/// sheet is its outline (`SheetOutline`): the prose is read again when a page is rendered.
package enum ContentLoader {
    package struct Result: Sendable {
        /// The sheets' outlines, in the order found.
        package var sheets: [SheetOutline]
        package var diagnostics: [Diagnostic]
        /// The whole sheets, when they were kept (`wholeSheetBudget`): a build renders its pages
        /// from them instead of parsing every sheet again.
        package var whole: LoadedSheets?
    }

    /// How much Markdown a build keeps parsed whole from loading to rendering: up to 8 MiB of
    /// sheets (the devhints collection is 1.2 MB, the Swift book 1.8 MB) each is parsed once per
    /// build. Beyond it, a sheet is kept as its outline and parsed again for its page, so memory
    /// grows with the outlines, not with every sheet's prose (bench figure 5: 10,000 sheets).
    package static let wholeSheetBudget = 8 << 20

    /// Sheets that the loaded ones refer to but that were not given: found next to the sheet
    /// that names them, parsed (not verified) so their anchors can be checked.
    private static func neighbours(of sheets: [SheetOutline], options: SheetParser.Options) -> [SheetOutline] {
        let loaded = Set(sheets.map(\.id))
        var found: [String: SheetOutline] = [:]
        var catalogPages: [String: [DocCCatalog.Page]] = [:]
        for sheet in sheets {
            let folder = (sheet.path as NSString).deletingLastPathComponent
            var ids = sheet.frontMatter.related + sheet.frontMatter.twins.map(\.otherSheet)
            for link in sheet.links {
                let isSibling = { (id: String) in FileManager.default.fileExists(atPath: folder.isEmpty ? "\(id).md" : "\(folder)/\(id).md") }
                if case .sheet(let id?, _) = LinkTarget(link.destination, isSheet: { loaded.contains($0) || isSibling($0) }) { ids.append(id) }
            }
            for id in Set(ids) where !loaded.contains(id) && found[id] == nil {
                let path = folder.isEmpty ? "\(id).md" : "\(folder)/\(id).md"
                if let neighbour = SheetParser.parse(fileAt: path, options: options).sheet { found[id] = SheetOutline(neighbour, languages: options.languages) }
            }
            // A page of a DocC catalog checked alone: its `<doc:>` links go anywhere in the catalog.
            let docLinks = sheet.links.compactMap { link -> DocCLink? in
                if case .doc(let doc) = LinkTarget(link.destination) { doc } else { nil }
            }
            if !docLinks.isEmpty, let catalog = DocCCatalog.enclosing(sheet.path) {
                var ignored: [Diagnostic] = []
                let pages = catalogPages[catalog] ?? DocCCatalog.pages(in: catalog, diagnostics: &ignored)
                catalogPages[catalog] = pages
                let wanted = Set(docLinks.flatMap(\.candidateIDs))
                for page in pages where wanted.contains(page.id) && !loaded.contains(page.id) && found[page.id] == nil {
                    if let neighbour = SheetParser.parse(fileAt: page.path, id: page.id, options: options).sheet {
                        found[page.id] = SheetOutline(neighbour, languages: options.languages)
                    }
                }
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// Loads the sheets at `paths` (files, folders, DocC catalogs). `budget`: keep the whole
    /// sheets too when their files together are no larger (in bytes; a build passes
    /// `wholeSheetBudget`).
    package static func load(_ paths: [String], options: SheetParser.Options, keepingWholeUpTo budget: Int? = nil) -> Result {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        // Pages of DocC catalogs, whose ids are not always their file names.
        var catalogIDs: [String: String] = [:]
        func addCatalog(_ path: String) {
            for page in DocCCatalog.pages(in: path, diagnostics: &diagnostics) {
                files.append(page.path)
                catalogIDs[page.path] = page.id
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
                    files.append(path)  // a broken or looping link: reading it says what is wrong
                } else {
                    diagnostics.append(.error(.unreadableFile, "no such file or directory", at: SourceLocation(path: path, line: 1)))
                }
                continue
            }
            if isDirectory.boolValue, DocCCatalog.isCatalog(path) {
                addCatalog(path)
            } else if isDirectory.boolValue {
                do {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    let sheets = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                    files.append(contentsOf: sheets.map { "\(base)/\($0)" })
                    // A DocC catalog in the folder is content too, with its nested folders.
                    for name in names.sorted() where name.hasSuffix(".docc") && !name.hasPrefix(".") {
                        var isFolder: ObjCBool = false
                        if FileManager.default.fileExists(atPath: "\(base)/\(name)", isDirectory: &isFolder), isFolder.boolValue { addCatalog("\(base)/\(name)") }
                    }
                } catch {
                    diagnostics.append(.error(.unreadableFile, "cannot list directory: \(error.localizedDescription)", at: SourceLocation(path: path, line: 1)))
                }
            } else {
                files.append(path)
            }
        }
        var sheets: [SheetOutline] = []
        var seen: [String: String] = [:]
        var seenFolded: [String: String] = [:]
        var read: Set<[UInt8]> = []
        // A file named on the command line and found in a folder given too is read once. Paths
        // are compared byte for byte: two names Swift holds equal (`café` with é as one
        // character or as e and an accent) are two files, which must not silently become one.
        let unique = files.filter { read.insert(Array(URL(fileURLWithPath: $0).standardizedFileURL.path.utf8)).inserted }
        // Sheets parse independently, on all cores, each kept as its outline and links; what only
        // the whole set can tell comes after.
        let ids = catalogIDs
        // stat(2) itself: FileManager's attributes look up the owner's name in /etc/passwd, per file.
        let keep = budget.map { budget in
            unique.reduce(0) { total, file in
                var info = stat()
                return total + (stat(file, &info) == 0 ? Int(info.st_size) : 0)
            } <= budget
        } ?? false
        let parsed = concurrentMap(unique) { file in
            let result = SheetParser.parse(fileAt: file, id: ids[file], options: options)
            return (outline: result.sheet.map { SheetOutline($0, languages: options.languages) }, whole: keep ? result.sheet : nil,
                    diagnostics: result.diagnostics)
        }
        var whole: [Sheet] = []
        for (file, loaded) in zip(unique, parsed) {
            diagnostics.append(contentsOf: loaded.diagnostics)
            guard let sheet = loaded.outline else { continue }
            if let other = seen[sheet.id] {
                let otherID = URL(fileURLWithPath: other).deletingPathExtension().lastPathComponent
                // Equal as text, different as bytes: é written as one character and as e + accent.
                let forms = Array(otherID.unicodeScalars) != Array(sheet.id.unicodeScalars)
                    ? " (the file names are the same text written with different Unicode characters)" : ""
                diagnostics.append(Diagnostic(.error, .duplicateSheet, at: SourceLocation(path: file, line: 1), "two sheets have the id '\(sheet.id)'\(forms)",
                                              notes: [Diagnostic(.note, .note, at: SourceLocation(path: other, line: 1), "the other one is here")]))
                continue
            }
            if let other = seenFolded[SheetFileName.caseFolded(sheet.id)] {
                diagnostics.append(Diagnostic(.error, .duplicateSheet, at: SourceLocation(path: file, line: 1),
                                              "two sheets' names differ only in case ('\(sheet.id)' and '\(URL(fileURLWithPath: other).deletingPathExtension().lastPathComponent)'): on a file system that ignores case one page would overwrite the other; rename one",
                                              notes: [Diagnostic(.note, .note, at: SourceLocation(path: other, line: 1), "the other one is here")]))
                continue
            }
            seen[sheet.id] = file
            seenFolded[SheetFileName.caseFolded(sheet.id)] = file
            sheets.append(sheet)
            if let kept = loaded.whole { whole.append(kept) }
        }
        diagnostics.append(contentsOf: CrossReferences.check(sheets, neighbours: neighbours(of: sheets, options: options)))
        return Result(sheets: sheets, diagnostics: diagnostics, whole: keep ? LoadedSheets(whole, languages: options.languages) : nil)
    }
}
