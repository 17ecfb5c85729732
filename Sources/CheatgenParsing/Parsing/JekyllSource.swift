import CheatgenModel

/// A sheet body as Jekyll sites write it, made ready for cmark: Liquid tags handled
/// (`LiquidTags`) and kramdown attribute lines taken out (`KramdownAttributes`), both
/// outside code only, every line keeping its number. A body with neither is passed through
/// without a second parse.
enum JekyllSource {
    struct Result {
        var text: String
        var attributeLines: [KramdownAttributes.Line]
        var diagnostics: [Diagnostic]
    }

    static func prepare(_ body: String, path: String) -> Result {
        let liquid = LiquidTags.mayContainTags(body)
        let kramdown = KramdownAttributes.mayContainLists(body)
        guard liquid || kramdown else { return Result(text: body, attributeLines: [], diagnostics: []) }
        // Which lines are code is cmark's call; ask it once on the text as written.
        let codeLines = codeLines(in: CommonMarkParser.parse(body, path: path).blocks)
        var text = body
        var diagnostics: [Diagnostic] = []
        if liquid {
            let result = LiquidTags.process(text, path: path, codeLines: codeLines)
            text = result.text
            diagnostics += result.diagnostics
        }
        var lines: [KramdownAttributes.Line] = []
        if kramdown {
            let result = KramdownAttributes.extract(text, path: path, codeLines: codeLines)
            text = result.text
            lines = result.lines
            diagnostics += result.diagnostics
        }
        return Result(text: text, attributeLines: lines, diagnostics: diagnostics)
    }

    /// Every line of every code block, nested ones included, fences included.
    static func codeLines(in blocks: [Block]) -> Set<Int> {
        var lines: Set<Int> = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.unattributed {
                case .codeBlock(let code): lines.formUnion(code.location.line...max(code.location.line, code.endLine))
                case .blockQuote(let children, _): visit(children)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
        return lines
    }
}
