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
    import pygments
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
    unknown = set()
    for block in json.load(open(sys.argv[1], encoding="utf-8")):
        found = lexer(block["language"].lower()) if block["language"] else None
        if found is None:
            unknown.add(block["language"])
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
    json.dump({"pygments": pygments.__file__, "unknown": sorted(unknown), "html": out}, sys.stdout)
    """#

    /// What one Pygments process answers: where Pygments is, the languages it has no lexer for,
    /// and each block's HTML (nil: plain text, for an unknown language or a block that could
    /// not be coloured in time).
    private struct Answer: Decodable {
        var pygments: String
        var unknown: [String]
        var html: [String?]
    }

    /// Pygments' own interpreter: `python3` on PATH (or `$CHEATGEN_PYTHON`), nil when absent.
    private static func python() -> String? {
        ToolVersion.locate("python3", override: "CHEATGEN_PYTHON")
    }

    /// Highlights each block; a block whose language Pygments does not know is left out (the
    /// page shows it as plain text). Nil when Python or Pygments is not available, or a process
    /// fails. Blocks remembered in `cacheDirectory` (when given) are answered from there; the
    /// rest are split into one batch per core, each lexed by its own process, and the record is
    /// rewritten with this build's blocks.
    static func highlight(_ blocks: [Block], scratch: String, cacheDirectory: String? = nil) async -> [Block: String]? {
        guard !blocks.isEmpty else { return [:] }
        guard let python = python() else { return nil }
        let cache = cacheDirectory.map { HighlightCache(directory: $0, interpreter: python, script: script) }
        let remembered = cache?.load()
        var result: [Block: String] = [:]
        var unknown = Set<String>()
        var missing: [Block] = []
        for block in Set(blocks) {
            if let remembered, remembered.unknownLanguages.contains(block.language) {
                unknown.insert(block.language)
            } else if let html = remembered?.html[HighlightCache.key(block)] {
                result[block] = html
            } else {
                missing.append(block)
            }
        }
        var pygments = remembered.map { ($0.pygmentsFile, $0.pygmentsFingerprint) }
        if !missing.isEmpty {
            missing.sort { ($0.language, $0.code) < ($1.language, $1.code) }
            guard let lexed = await lex(missing, interpreter: python, scratch: scratch) else { return nil }
            result.merge(lexed.html) { first, _ in first }
            unknown.formUnion(lexed.unknown)
            pygments = (lexed.pygments, ToolVersion.fingerprint(of: lexed.pygments, companions: []))
        }
        if let cache, let (file, fingerprint) = pygments {
            let record = HighlightCache.Record(pygmentsFile: file, pygmentsFingerprint: fingerprint, unknownLanguages: unknown,
                                               html: Dictionary(result.map { (HighlightCache.key($0.key), $0.value) }) { first, _ in first })
            if record != remembered { cache.save(record) }
        }
        return result
    }

    /// Lexes `blocks` (sorted) in one process per core: their HTML, the languages Pygments did not
    /// know, and where Pygments is. Nil when a process fails.
    private static func lex(_ blocks: [Block], interpreter: String, scratch: String) async -> (html: [Block: String], unknown: Set<String>, pygments: String)? {
        let count = min(max(ProcessInfoCores.count, 1), max(blocks.count / 64, 1))
        let batches = PygmentsBatches.deal(blocks, into: count)
        return await withTaskGroup(of: (batch: [Block], answer: Answer)?.self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask { await lex(batch: batch, number: index, interpreter: interpreter, scratch: scratch).map { (batch, $0) } }
            }
            var merged: (html: [Block: String], unknown: Set<String>, pygments: String)? = ([:], [], "")
            for await answered in group {
                guard let answered, merged != nil else { merged = nil; continue }
                for (block, html) in zip(answered.batch, answered.answer.html) {
                    if let html { merged!.html[block] = html }
                }
                merged!.unknown.formUnion(answered.answer.unknown)
                merged!.pygments = answered.answer.pygments
            }
            return merged
        }
    }

    private static func lex(batch: [Block], number: Int, interpreter: String, scratch: String) async -> Answer? {
        let input = "\(scratch)/pygments-input-\(ProcessInfo.processInfo.processIdentifier)-\(number).json"
        defer { try? FileManager.default.removeItem(atPath: input) }
        guard let data = try? JSONEncoder().encode(batch), FileManager.default.createFile(atPath: input, contents: data),
              let outcome = try? await ProcessRunner.run(interpreter, arguments: ["-c", script, input], timeout: .seconds(300), outputLimit: 512 << 20),
              outcome.succeeded,
              let answer = try? JSONDecoder().decode(Answer.self, from: Data(outcome.standardOutput)),
              answer.html.count == batch.count else { return nil }
        return answer
    }
}
