extension Sheet {
    /// The sheet as a whole run keeps it between reading the sheets and rendering their pages:
    /// front matter, sections and cards (titles, anchors), every snippet, and the blocks that
    /// hold code in other languages than Swift (highlighted together before any page renders)
    /// — but not the prose. A
    /// snippet that is only shown (`ignore`, no `id=`, not Python) keeps its place and name but
    /// not its code or output, which only its page needs.
    ///
    /// Ten thousand sheets parsed in full take gigabytes; their outlines a small part of that.
    /// A page is rendered from its file parsed again, which must give the same outline back
    /// (`SiteBuilder.reparsed`).
    public func outline() -> Sheet {
        var outline = self
        outline.intro = Self.outline(intro)
        for index in outline.sections.indices {
            outline.sections[index].items = Self.outline(sections[index].items)
            for card in outline.sections[index].cards.indices {
                outline.sections[index].cards[card].items = Self.outline(sections[index].cards[card].items)
            }
        }
        return outline
    }

    private static func outline(_ items: [ContentItem]) -> [ContentItem] {
        items.compactMap { item in
            switch item {
            case .snippet(let snippet):
                return .snippet(snippet.isOnlyShown ? snippet.withoutBody() : snippet)
            case .block(let block):
                return block.containsPygmentsCode ? item : nil
            }
        }
    }
}

extension Block {
    /// Every code block this block is or holds (in quotes, lists, attribute wrappers), in order.
    func forEachCodeBlock(_ body: (CodeBlock) -> Void) {
        switch self {
        case .codeBlock(let code): body(code)
        case .attributed(let inner, _): inner.forEachCodeBlock(body)
        case .blockQuote(let children, _): children.forEach { $0.forEachCodeBlock(body) }
        case .list(let list): list.items.forEach { $0.forEach { $0.forEachCodeBlock(body) } }
        default: break
        }
    }

    /// Whether the block is or holds code that the build's Pygments batch colours.
    var containsPygmentsCode: Bool {
        var found = false
        forEachCodeBlock { found = found || $0.isPygmentsCode }
        return found
    }
}

extension Block.CodeBlock {
    /// Code in a named language that its language does not colour itself.
    var isPygmentsCode: Bool {
        !language.isEmpty && LanguageRegistry.highlighter(for: language).needsPygments
    }
}

extension Snippet {
    /// Shown on its page, never compiled, run or named by another snippet's `uses=`, and
    /// coloured as its page renders: its code is not needed before then.
    var isOnlyShown: Bool {
        self.attributes.mode == .ignore && self.attributes.id == nil && !LanguageRegistry.highlighter(for: self.language).needsPygments
    }

    /// The same snippet without its code and expected output or errors.
    func withoutBody() -> Snippet {
        var copy = self
        copy.code = ""
        copy.expectedOutput = nil
        copy.expectedErrors = nil
        return copy
    }
}
