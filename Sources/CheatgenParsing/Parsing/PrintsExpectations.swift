import CheatgenModel

/// Gives each snippet that has no `output` block, but says what it prints in `Prints "…"`
/// comments of its code (`PrintsComments`), that output as its expectation: it is run and
/// its output must be those lines. Only snippets that run (not `compile-only`, `compile-fail`
/// or `ignore`), in a language with line comments.
enum PrintsExpectations {
    static func attach(intro: inout [ContentItem], sections: inout [Section], languages: LanguageCatalog) {
        ItemLists.update(intro: &intro, sections: &sections) { attach(&$0, languages) }
    }

    private static func attach(_ items: inout [ContentItem], _ languages: LanguageCatalog) {
        for index in items.indices {
            guard case .snippet(var snippet) = items[index], snippet.expectedOutput == nil,
                  snippet.attributes.mode == .run || snippet.attributes.mode == .shouldCrash,
                  let comment = languages.entry(for: snippet.language)?.lineComment,
                  snippet.code.contains("Prints "),
                  let expectation = PrintsComments.expectation(in: snippet.code, comment: comment, path: snippet.path, firstLine: snippet.firstCodeLine)
            else { continue }
            snippet.expectedOutput = expectation
            items[index] = .snippet(snippet)
        }
    }
}
