import Foundation

/// One `bash` session that runs a block's commands in order and says where each one's output
/// ends and with what status: after every command, a marker line carrying a nonce the session
/// cannot know in advance (so its output cannot forge one) and the command's `$?`. A command
/// whose status is not the one written stops the session there; otherwise, before the next
/// command, the session waits for a line `go` on descriptor 3 (`SessionConversation` sends it
/// when the command's output matched) and ends at anything else, or at the end of input.
///
/// An outer `bash -c` sends standard error into standard output (interleaved as a terminal shows
/// them), moves its standard input (the conversation's pipe) to descriptor 3 and gives the
/// commands /dev/null, copies the fixture in, runs the session as an inner `bash -c` (so that
/// `exit` or `set -e` in a command ends only the session) and prints a last marker with its
/// status. Each command runs in a group that closes descriptor 3, so it cannot read the
/// go-aheads; the group's last line keeps the command's lines where they were in the script.
struct SessionScript {
    let nonce: String
    /// The program for `bash -c` and its arguments.
    let arguments: [String]

    init(_ session: ShellSession, fixture: String?, nonce: String = SessionScript.makeNonce()) {
        self.nonce = nonce
        let mark = "__cheatgen_session_\(nonce)"
        // After a command (its index, the status written, `wait` or `last`): its marker, the check
        // of its status, the wait for the go-ahead — written so that a command's `set -eu` does
        // not break it. A function keeps each command's share of the script (one argument, at
        // most 128 KiB) short.
        let after = [
            "__cheatgen_after() { printf '\\n%s %s\\n' \"\(mark) $1\" \"$__cheatgen_status\"",
            "if [ \"$2\" = failed ]; then [ \"$__cheatgen_status\" -ne 0 ]; else [ \"$__cheatgen_status\" -eq \"$2\" ]; fi || exit 0",
            "[ \"$3\" = wait ] || return 0",
            "read -r -u 3 __cheatgen_go || true; [ \"$__cheatgen_go\" = go ] || { printf '\\n%s\\n' '\(mark) halt'; exit 0; }; }",
        ].joined(separator: "; ")
        var inner = [
            // As an interactive shell says it, not as a script ("bash: line 3: …").
            "command_not_found_handle() { printf 'bash: %s: command not found\\n' \"$1\" >&2; return 127; }",
            after + "; printf '\\n%s\\n' '\(mark) begin'",
        ]
        for (index, command) in session.commands.enumerated() {
            inner.append("{ " + command.text)
            let status = switch command.status {
            case .exactly(let status): "\(status)"
            case .failure: "failed"
            }
            let wait = index < session.commands.count - 1 ? "wait" : "last"
            inner.append("__cheatgen_status=$?; } 3<&-; __cheatgen_after \(index) \(status) \(wait)")
        }
        let outer = """
            exec 2>&1 3<&0 </dev/null
            if [ -n "$2" ]; then cp -R -- "$2"/. . || exit 0; fi
            bash --norc --noprofile -c "$1" bash
            printf '\\n%s %s\\n' '\(mark) end' "$?"
            """
        arguments = ["--norc", "--noprofile", "-c", outer, "bash", inner.joined(separator: "\n") + "\n", fixture ?? ""]
    }

    static func makeNonce() -> String {
        (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
    }

    /// What the run printed, cut at the markers.
    struct Transcript {
        /// Printed before the first command (what went wrong copying the fixture).
        var preamble = ""
        /// Whether the session began running commands.
        var started = false
        /// Each command that finished: what it printed and its status.
        var finished: [(output: String, status: Int32)] = []
        /// The session got no go-ahead after its last finished command and ended there.
        var halted = false
        /// What was printed after the last finished command, and the session's status, when the
        /// session ended (nil if it was stopped before: a time limit, a memory limit). When the
        /// session ended inside a command (`exit 3`, `set -e`), this is that command's output.
        var end: (output: String, status: Int32)?
    }

    /// How a marker line starts, with the newline printed before it.
    var markerStart: String { "\n__cheatgen_session_\(nonce) " }

    func read(_ output: String) -> Transcript {
        let mark = markerStart
        var transcript = Transcript()
        var rest = Substring(output)
        while let found = rest.range(of: mark) {
            let before = String(rest[..<found.lowerBound])
            let lineEnd = rest[found.upperBound...].firstIndex(of: "\n") ?? rest.endIndex
            let words = rest[found.upperBound..<lineEnd].split(separator: " ")
            rest = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[rest.endIndex...]
            let status = words.dropFirst().first.flatMap { Int32($0) } ?? -1
            switch words.first {
            case "begin":
                transcript.preamble = before
                transcript.started = true
            case "end":
                transcript.end = (before, status)
            case "halt":
                transcript.halted = true
            default:
                transcript.finished.append((before, status))
            }
        }
        if !transcript.started { transcript.preamble = output }
        return transcript
    }
}
