/// Where rendering gets the whole sheet for an outline: a build reads each file again
/// (`ReparsedSheets`); tests and tools that parsed sheets in full keep them (`LoadedSheets`).
package protocol SheetSource: Sendable {
    func sheet(for outline: SheetOutline) throws -> Sheet
}

/// Sheets kept whole in memory, by id.
package struct LoadedSheets: SheetSource {
    private let sheets: [String: Sheet]
    private let languages: LanguageCatalog

    package init(_ sheets: [Sheet], languages: LanguageCatalog) {
        self.sheets = Dictionary(sheets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.languages = languages
    }

    package func sheet(for outline: SheetOutline) throws -> Sheet {
        guard let sheet = sheets[outline.id], SheetOutline(sheet, languages: languages) == outline else {
            throw CheatgenError.missingWholeSheet(id: outline.id)
        }
        return sheet
    }
}
