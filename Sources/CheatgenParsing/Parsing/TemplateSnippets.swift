import CheatgenModel

/// A snippet that is a template to fill in rather than a program — Swift's syntax summaries
/// write `if <#condition#> { <#statements#> }` — is shown but not verified: with nothing to
/// check (no `output` block, no mode of its own) it becomes `ignore`, counted as skipped.
enum TemplateSnippets {
    static func mark(intro: inout [ContentItem], sections: inout [Section], languages: LanguageCatalog) {
        ItemLists.update(intro: &intro, sections: &sections) { mark(&$0, languages) }
    }

    private static func mark(_ items: inout [ContentItem], _ languages: LanguageCatalog) {
        for index in items.indices {
            guard case .snippet(var snippet) = items[index], snippet.attributes.mode == .run, snippet.expectedOutput == nil,
                  languages.entry(for: snippet.language)?.templateReason(snippet.code) != nil else { continue }
            snippet.attributes.mode = .ignore
            items[index] = .snippet(snippet)
        }
    }
}
