// libFuzzer target over the front-matter parser alone: the `---` header split and its YAML
// read by Yams, with every diagnostic formatted. Built and run by fuzz/run.
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite
@testable import CheatgenCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // As written, and behind an opening `---` so most inputs reach the YAML reader.
    for candidate in [text, "---\n" + text] {
        let result = FrontMatterParser.parse(candidate, path: "fuzz.md", languages: LanguageRegistry.catalog)
        for diagnostic in result.diagnostics { _ = diagnostic.formatted }
        if let frontMatter = result.frontMatter { _ = frontMatter.title }
        // The body keeps the file's line numbers: one line per line of the input.
        let lines = candidate.split(separator: "\n", omittingEmptySubsequences: false).count
        let bodyLines = result.body.split(separator: "\n", omittingEmptySubsequences: false).count
        if result.frontMatter != nil, bodyLines != lines { fatalError("body has \(bodyLines) lines, input \(lines)") }
    }
    return 0
}
