import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification

/// Build-time highlighting with Pygments for every fenced language but Swift (which
/// swift-syntax classifies): Python snippets and the `bash`, `js`, `yaml`… blocks of any sheet.
/// No Swift library lexes these; Pygments is what Python's own documentation uses, and one
/// process per core over every block keeps it cheap (a 347-sheet site starts two on two cores).
/// Token types map onto the same short CSS classes the Swift highlighter uses, so one
/// stylesheet colours all of them. A language Pygments does not know is shown as plain text.
enum PygmentsHighlighter {
    /// A block to highlight: its fence's language and its code.
    struct Block: Hashable, Codable, Sendable {
        var language: String
        var code: String
    }

    private static let script = #"""
    import html, json, sys
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    from pygments.token import Comment, Keyword, Name, Number, Operator, String
    # A token type's class, found once per type (a block has hundreds of tokens, a build a
    # few hundred types): asking each token's type again took a quarter of the lexing time.
    classes = {}
    def css(kind):
        if kind not in classes:
            classes[kind] = next((name for token, name in (
                (Comment, "co"), (String, "st"), (Number, "nu"), (Keyword, "kw"),
                (Name.Decorator, "at"), (Name.Attribute, "at"), (Name.Tag, "kw"),
                (Name.Builtin, "ty"), (Name.Class, "ty"), (Operator, "op")) if kind in token), None)
        return classes[kind]
    from pygments.lexers import get_all_lexers
    # Built-in aliases, read once: a name Pygments does not know is then known not to be there
    # without a search of the installed plugins for every block (which costs a tenth of a
    # second each time). Names that writers use for a language Pygments spells otherwise:
    known = {alias for _, aliases, _, _ in get_all_lexers(plugins=False) for alias in aliases}
    spelled = {"yml": "yaml", "shell": "bash", "sh": "bash", "zsh": "bash", "console": "console"}
    lexers = {}
    def lexer(name):
        if name not in lexers:
            name_here = spelled.get(name, name)
            try:
                lexers[name] = get_lexer_by_name(name_here, stripnl=False, ensurenl=False) if name_here in known else None
            except ClassNotFound:
                lexers[name] = None
        return lexers[name]
    # A lexer's regular expressions can backtrack for minutes on an unlucky block: each block
    # has two seconds (the alarm interrupts the match itself), then is shown plain.
    import signal
    class Slow(Exception):
        pass
    def on_alarm(*_):
        raise Slow()
    signal.signal(signal.SIGALRM, on_alarm)
    out = []
    for block in json.load(open(sys.argv[1], encoding="utf-8")):
        found = lexer(block["language"].lower()) if block["language"] else None
        if found is None:
            out.append(None)
            continue
        parts = []
        try:
            signal.setitimer(signal.ITIMER_REAL, 2.0)
            for kind, text in found.get_tokens(block["code"]):
                name = css(kind)
                escaped = html.escape(text, quote=True).replace("&#x27;", "&#39;")
                parts.append(f'<span class="{name}">{escaped}</span>' if name and text.strip() else escaped)
            out.append("".join(parts))
        except Exception:
            # Slow, or a lexer failing (the alarm can also land while a lexer compiles its
            # expressions, which reports it as an error of its own): this block is shown
            # plain, and the rest of the batch is still coloured.
            out.append(None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    json.dump(out, sys.stdout)
    """#

    /// Highlights each block; a block whose language Pygments does not know is left out (the
    /// page shows it as plain text). Nil when Python or Pygments is not available. The blocks
    /// are split into one batch per core, each lexed by its own process.
    /// Pygments' own interpreter: `python3` on PATH (or `$CHEATGEN_PYTHON`), nil when absent.
    private static func python() async -> String? {
        ToolVersion.locate("python3", override: "CHEATGEN_PYTHON")
    }

    static func highlight(_ blocks: [Block], scratch: String) async -> [Block: String]? {
        guard !blocks.isEmpty else { return [:] }
        let unique = Array(Set(blocks)).sorted { ($0.language, $0.code) < ($1.language, $1.code) }
        guard let python = await Self.python() else { return nil }
        let count = min(max(ProcessInfoCores.count, 1), max(unique.count / 64, 1))
        let batches = PygmentsBatches.deal(unique, into: count)
        let results = await withTaskGroup(of: [Block: String]?.self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask { await highlight(batch: batch, number: index, interpreter: python, scratch: scratch) }
            }
            var merged: [Block: String]? = [:]
            for await result in group {
                if let result, merged != nil { merged!.merge(result) { first, _ in first } } else { merged = nil }
            }
            return merged
        }
        return results
    }

    private static func highlight(batch: [Block], number: Int, interpreter: String, scratch: String) async -> [Block: String]? {
        let input = "\(scratch)/pygments-input-\(ProcessInfo.processInfo.processIdentifier)-\(number).json"
        defer { try? FileManager.default.removeItem(atPath: input) }
        guard let data = try? JSONEncoder().encode(batch), FileManager.default.createFile(atPath: input, contents: data),
              let outcome = try? await ProcessRunner.run(interpreter, arguments: ["-c", script, input], timeout: .seconds(300), outputLimit: 512 << 20),
              outcome.succeeded,
              let html = try? JSONDecoder().decode([String?].self, from: Data(outcome.standardOutput)),
              html.count == batch.count else { return nil }
        var result: [Block: String] = [:]
        for (block, highlighted) in zip(batch, html) {
            if let highlighted { result[block] = highlighted }
        }
        return result
    }
}
