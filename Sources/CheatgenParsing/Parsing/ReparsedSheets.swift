import CheatgenModel

/// Each sheet's file parsed again for its page. It must be the sheet that was verified: a file
/// changed since (an editor saving during a build) stops the build rather than publish a page
/// whose snippets were not the ones checked.
package struct ReparsedSheets: SheetSource {
    /// The options the sheets were loaded with.
    package var options: SheetParser.Options

    package init(options: SheetParser.Options) {
        self.options = options
    }

    package func sheet(for outline: SheetOutline) throws -> Sheet {
        guard let sheet = SheetParser.parse(fileAt: outline.path, id: outline.id, options: options).sheet, SheetOutline(sheet, languages: options.languages) == outline else {
            throw CheatgenError.changedDuringBuild(path: outline.path)
        }
        return sheet
    }
}
