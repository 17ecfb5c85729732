import Testing
@testable import CheatgenLanguages
import CheatgenVerification

/// The pieces of a shell session that need no process: reading a block, matching lines,
/// cutting a run's output at its markers.
struct ShellSessionPiecesTests {
    @Test func commandsContinueWithBackslashesAndPromptLines() throws {
        let code = "$ printf '%s\\n' a \\\n  b\n? 0\na\nb\n$ cat <<E\n> x\n> E\nx\n"
        let session = try ShellSession.parse(code, firstLine: 10, path: "s.md").get()
        #expect(session.commands.count == 2)
        #expect(session.commands[0].line == 10)
        #expect(session.commands[0].text == "printf '%s\\n' a \\\n  b")
        #expect(session.commands[0].expected == ["a", "b"])
        #expect(session.commands[1].line == 15)
        #expect(session.commands[1].text == "cat <<E\nx\nE")
        #expect(session.commands[1].expected == ["x"])
    }

    @Test func statusLinesAreRead() throws {
        let session = try ShellSession.parse("$ a\n? 3\n$ b\n? failed\n$ c\n? success\n", firstLine: 1, path: "s.md").get()
        #expect(session.commands.map(\.status) == [.exactly(3), .failure, .exactly(0)])
        #expect(!ShellSession.ExpectedStatus.failure.accepts(0))
        #expect(ShellSession.ExpectedStatus.failure.accepts(2))
    }

    @Test func mistakesAreErrorsAtTheirLines() {
        func problem(_ code: String) -> String? {
            if case .failure(let diagnostic) = ShellSession.parse(code, firstLine: 5, path: "s.md") {
                return "\(diagnostic.location!.line):\(diagnostic.location!.column) \(diagnostic.message)"
            }
            return nil
        }
        #expect(problem("$ echo a \\\n")?.hasPrefix("5:10 the command ends in '\\'") == true)
        #expect(problem("\n? 1\n$ true\n")?.hasPrefix("6:1 '? ' states a command's exit status") == true)
        #expect(problem("$ true\n? 1\n? 2\n")?.hasPrefix("7:1 this command's exit status is already stated") == true)
        #expect(problem("output first\n$ true\n")?.hasPrefix("5:1 a session starts with a command") == true)
        #expect(problem("$ true\n? 256\n")?.hasPrefix("6:3 '? ' takes an exit status") == true)
    }

    @Test func wildcardsMatchWithinALineAndAcrossLines() {
        #expect(SessionMatcher.lineMatches("took [..]s", "took 1.25s"))
        #expect(SessionMatcher.lineMatches("[..]/out", "/tmp/x/out"))
        #expect(SessionMatcher.lineMatches("a[..]b[..]c", "a-b-b-c"))
        #expect(!SessionMatcher.lineMatches("a[..]a", "a"))
        #expect(!SessionMatcher.lineMatches("took [..]s", "took 1.25 ms!"))
        #expect(SessionMatcher.align(expected: ["start", "...", "end [..]"], actual: ["start", "1", "2", "end 3"]).matches)
        #expect(SessionMatcher.align(expected: ["...", "x"], actual: ["x"]).matches)
        let miss = SessionMatcher.align(expected: ["one", "t[..]", "three"], actual: ["one", "two", "four"])
        #expect(!miss.matches)
        // A diff against the expansion shows only the real difference.
        #expect(miss.expanded == ["one", "two", "three"])
        // bless keeps what still matches, wildcards included, and writes the rest as printed.
        #expect(miss.blessed == ["one", "t[..]", "four"])
        let longer = SessionMatcher.align(expected: ["built in [..]s", "...", "done"], actual: ["built in 2.5s", "a", "b", "done", "extra"])
        #expect(longer.blessed == ["built in [..]s", "...", "done", "extra"])
    }

    @Test func theTranscriptIsCutAtTheMarkersOnly() {
        let session = try! ShellSession.parse("$ a\n$ b\n$ c\n", firstLine: 1, path: "s.md").get()
        let script = SessionScript(session, fixture: nil, nonce: "n0nce")
        let mark = "__cheatgen_session_n0nce"
        let printed = "\n\(mark) begin\nfirst\n\n\(mark) 0 0\n__cheatgen_session_forged 1 0\nno newline\n\(mark) 1 7\n\n\(mark) end 0\n"
        let transcript = script.read(printed)
        #expect(transcript.started)
        #expect(transcript.finished.map(\.output) == ["first\n", "__cheatgen_session_forged 1 0\nno newline"])
        #expect(transcript.finished.map(\.status) == [0, 7])
        #expect(transcript.end?.status == 0)
        // Every command is followed by its marker and a check of its status.
        #expect(script.arguments.last == "")
        #expect(script.arguments[script.arguments.count - 2].hasSuffix("__cheatgen_after 2 0 last\n"))
    }

    @Test func theConversationLetsTheSessionGoOnOnlyWhileItsCommandsMatch() throws {
        let session = try ShellSession.parse("$ a\none\n$ b\ntwo\n$ c\n", firstLine: 1, path: "s.md").get()
        let script = SessionScript(session, fixture: nil, nonce: "n0nce")
        let mark = "__cheatgen_session_n0nce"
        // The session waits after every command but the last, and ends without a go-ahead.
        let inner = script.arguments[script.arguments.count - 2]
        #expect(inner.components(separatedBy: " wait\n").count == 3)
        #expect(inner.components(separatedBy: "} 3<&-; __cheatgen_after ").count == 4)

        let check = SessionConversation(session, script: script, runsToTheEnd: false)
        var output: [UInt8] = []
        func show(_ text: String) -> OutputObserverReply {
            output += Array(text.utf8)
            return check.observe(output)
        }
        #expect(show("\n\(mark) begin\none\n\n__cheatgen_sess") == .wait)
        // A marker cut by the end of a read is recognised once its line is whole.
        #expect(show("ion_n0nce 0 0") == .wait)
        #expect(show("\n") == .send(Array("go\n".utf8)))
        #expect(show("TWO\n") == .wait)
        #expect(show("\n\(mark) 1 0\n") == .stop)

        // bless lets every command run, however it differs.
        let bless = SessionConversation(session, script: script, runsToTheEnd: true)
        let all = "\n\(mark) begin\nnot one\n\n\(mark) 0 0\n"
        #expect(bless.observe(Array(all.utf8)) == .send(Array("go\n".utf8)))
        #expect(bless.observe(Array(all.utf8)) == .wait)
        // After the last command nothing is waiting for an answer.
        let last = all + "TWO\n\n\(mark) 1 0\n\n\(mark) 2 0\n"
        #expect(bless.observe(Array(last.utf8)) == .send(Array("go\n".utf8)))
        #expect(bless.observe(Array(last.utf8)) == .wait)
    }
}
