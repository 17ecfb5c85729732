import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Builds the whole site from verified sheets: a page per sheet, the index, the search index,
/// 404, sitemap and assets — deterministically, and swapped into place only when complete.
package struct SiteBuilder {
    package var configuration: Configuration
    package var outputDirectory: String
    /// Whether non-Swift code is coloured by Pygments (one Python process per build). Off for
    /// the fuzzer, whose executions must not start processes; then such code is plain text.
    package var highlightsWithPygments = true
    /// Where Pygments' colouring is remembered between builds (the work directory), or nil to
    /// colour every block again.
    package var highlightCacheDirectory: String?

    package init(configuration: Configuration, outputDirectory: String) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
    }

    /// A piece of the site as it is made: a whole file, or more bytes for a file being written
    /// piece by piece.
    package enum Piece {
        case file(String, Data)
        case append(String, [Data])
    }

    /// Renders every file of the site and hands it to `emit` as it is made, so memory holds a
    /// batch of pages at a time, not the site. Sheet pages and their entries in the search
    /// index render on all cores; the index is written as the pages are, in title order.
    ///
    /// `source` gives the whole sheet each page is rendered from.
    package func render(_ sheets: [SheetOutline], report: VerificationReport, source: any SheetSource,
                       emit: (Piece) throws -> Void) async throws {
        let theme = try Theme.builtIn()
        let sorted = sheets.sorted { ($0.frontMatter.title.lowercased(), $0.id) < ($1.frontMatter.title.lowercased(), $1.id) }
        var named = Set<String>()  // one toolchain can verify two languages (Python and its doctests)
        let version = report.versions.keys.sorted().compactMap { report.versions[$0] }.filter { named.insert($0).inserted }.joined(separator: " and ")
        let chrome = PageChrome(pageTitle: configuration.title, description: nil, root: "", siteTitle: configuration.title, toolchains: version,
                                 checks: SnippetBadge.summary(report), hasChecks: report.passed > 0)
        let byID = Dictionary(sheets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let highlighted = highlightsWithPygments
            ? await PygmentsHighlighter.highlight(sheets.flatMap(SheetRenderer.pygmentsBlocks(in:)), scratch: NSTemporaryDirectory(),
                                                cacheDirectory: highlightCacheDirectory) ?? [:]
            : [:]
        let twins = TwinIndex(sheets)
        let renderer = SheetRenderer(theme: theme, chrome: chrome, sheetsByID: byID, report: report, highlighted: highlighted, twins: twins)
        var search = SearchIndex.Writer()
        // bench/run measures what the index costs a build by building without it.
        let withSearch = ProcessInfo.processInfo.environment["CHEATGEN_SEARCH_INDEX"] != "off"
        let batch = max(ProcessInfoCores.count * 8, 8)
        for start in stride(from: 0, to: sorted.count, by: batch) {
            let slice = Array(sorted[start..<min(start + batch, sorted.count)])
            let pages = try await forEachConcurrently(slice, width: ProcessInfoCores.count) { outline in
                let sheet = try source.sheet(for: outline)
                return (Data(try renderer.render(sheet).utf8), withSearch ? try SearchIndex.page(for: sheet) : nil)
            }
            for (sheet, (page, words)) in zip(slice, pages) {
                try emit(.file("\(sheet.id).html", page))
                if let words { try search.add(words, emit) }
            }
        }
        if withSearch { try search.end(emit) }
        var files: [(String, Data)] = []
        for group in twins.groups {
            files.append((group.path, Data(try renderer.renderComparison(group, sheets: group.columns.map { try source.sheet(for: byID[$0]!) }).utf8)))
            for former in group.formerPaths {
                files.append((former, Data(try renderer.renderMovedComparison(group).utf8)))
            }
        }
        files.append(("index.html", Data(try theme.render(indexView(sorted, report: report, chrome: chrome), template: "index").utf8)))
        let notFound = chrome.page(title: "Not found — \(configuration.title)", description: nil, root: configuration.baseURL ?? "")
        files.append(("404.html", Data(try theme.render(notFound, template: "404").utf8)))
        for name in Theme.assetNames {
            files.append(("assets/\(name)", theme.assets[name]!))
        }
        if let base = configuration.baseURL {
            files.append(("sitemap.xml", Data(sitemap(base: base, sheets: sorted).utf8)))
        }
        for (path, data) in files { try emit(.file(path, data)) }
    }

    /// The files of the site, path → bytes, in a stable order (for tests and tools).
    package func render(_ sheets: [SheetOutline], report: VerificationReport, source: any SheetSource) async throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        var appended: [String: Data] = [:]
        try await render(sheets, report: report, source: source) { piece in
            switch piece {
            case .file(let path, let data): files.append((path, data))
            case .append(let path, let parts):
                if appended[path] == nil { files.append((path, Data())) }
                appended[path, default: Data()].append(contentsOf: parts.reduce(Data(), +))
            }
        }
        return files.map { path, data in (path, appended[path] ?? data) }
    }

    /// Renders and writes the site atomically.
    package func build(_ sheets: [SheetOutline], report: VerificationReport, source: any SheetSource) async throws {
        var writer = try SiteWriter(destination: outputDirectory)
        do {
            try await render(sheets, report: report, source: source) { piece in
                switch piece {
                case .file(let path, let data): try writer.write(data, to: path)
                case .append(let path, let parts): try writer.append(parts, to: path)
                }
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    private func indexView(_ sheets: [SheetOutline], report: VerificationReport, chrome: PageChrome) -> IndexPageView {
        var tagCounts: [String: (name: String, count: Int)] = [:]
        for sheet in sheets {
            for tag in Set(sheet.frontMatter.tags) {
                tagCounts[Anchor.slug(tag), default: (tag, 0)].count += 1
            }
        }
        let tags = tagCounts.sorted { $0.key < $1.key }.map { TagView(name: $0.value.name, slug: $0.key, count: $0.value.count) }
        func summary(_ sheet: SheetOutline) -> IndexPageView.SheetSummaryView {
            let count = SheetRenderer.verifiedCount(sheet, report: report)
            return IndexPageView.SheetSummaryView(
                id: sheet.id, title: sheet.frontMatter.title, summary: Self.blurb(of: sheet),
                tags: sheet.frontMatter.tags.map { TagView(name: $0, slug: Anchor.slug($0)) },
                tagSlugs: sheet.frontMatter.tags.map(Anchor.slug).joined(separator: " "),
                verifiedCount: count,
                verifiedLabel: count == 0 ? nil : SheetRenderer.verifiedLabel(count),
                updated: sheet.frontMatter.updated,
                kind: sheet.frontMatter.kind?.rawValue, kindLabel: sheet.frontMatter.kind?.label,
                pages: sheet.frontMatter.pages,
                pagesLabel: sheet.frontMatter.pages.map { $0 == 1 ? "1 printed page" : "\($0) printed pages" })
        }
        // Sheets grouped by `category:` (in name order, uncategorized last; "Python" and "python"
        // are one group, named as most of its sheets write it), by `weight:` then title within a
        // group; one untitled group when no sheet has a category.
        let byCategory = Dictionary(grouping: sheets) { ($0.frontMatter.category ?? "").lowercased() }
        let hasCategories = byCategory.keys.contains { !$0.isEmpty }
        let names = byCategory.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        let groups = names.map { name in
            let members = byCategory[name]!.sorted {
                ($0.frontMatter.weight ?? 0, $0.frontMatter.title.lowercased(), $0.id) < ($1.frontMatter.weight ?? 0, $1.frontMatter.title.lowercased(), $1.id)
            }
            let spellings = Dictionary(grouping: members.compactMap(\.frontMatter.category), by: { $0 }).mapValues(\.count)
            let written = spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
            let title = name.isEmpty ? (hasCategories ? "Other" : "") : written
            return IndexPageView.Group(title: title.isEmpty ? nil : title, anchor: title.isEmpty ? nil : "category-" + Anchor.slug(title),
                                       sheets: members.map(summary), headingTag: title.isEmpty ? "h2" : "h3")
        }
        let snippetCount = sheets.reduce(0) { $0 + SheetRenderer.verifiedCount($1, report: report) }
        var line = "\(sheets.count) cheatsheet\(sheets.count == 1 ? "" : "s")"
        line += snippetCount == 0 ? "." : ", \(snippetCount) snippet\(snippetCount == 1 ? "" : "s"), each one verified with \(chrome.toolchains): \(chrome.checks)."
        return IndexPageView(
            chrome: chrome.page(title: configuration.title, description: "Verified cheatsheets"), sheetCount: sheets.count,
            snippetCount: snippetCount, summaryLine: line,
            hasTags: !tags.isEmpty, tags: tags, groups: groups)
    }

    /// What the index says about a sheet: its summary, else its description, else the start
    /// of its intro; nil when it has none of them.
    static func blurb(of sheet: some SheetStructure) -> String? {
        let candidates = [sheet.frontMatter.summary, sheet.frontMatter.description ?? "", sheet.frontMatter.intro.plainText]
        guard let text = candidates.map({ $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }).first(where: { !$0.isEmpty }) else { return nil }
        guard text.count > 160 else { return text }
        let cut = text.prefix(160)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    private func sitemap(base: String, sheets: [SheetOutline]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml += "<url><loc>\(HTML.escape(base))index.html</loc></url>\n"
        for sheet in sheets.sorted(by: { $0.id < $1.id }) {
            // A sitemap's addresses must be URLs as written: a space or an accent is escaped.
            let page = sheet.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sheet.id
            xml += "<url><loc>\(HTML.escape(base + page)).html</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
