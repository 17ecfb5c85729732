import Synchronization
import CheatgenVerification

/// Watches a running session (`SessionScript`) and lets it go on command by command: when a
/// command's marker arrives, its output and status are compared with the lines under it, and
/// the session gets its go-ahead only if they match; otherwise it is stopped there, so the
/// commands below a failing one never run. `bless` lets every command run (`runsToTheEnd`), so
/// that one run says what to write under each; a status that differs still ends the session,
/// as the script itself checks it.
final class SessionConversation: OutputObserver {
    let session: ShellSession
    let script: SessionScript
    let runsToTheEnd: Bool
    /// The marker as its bytes, to look for it without decoding everything at each read.
    private let mark: [UInt8]
    /// How far the output has been searched for markers and read (up to the end of the last whole
    /// marker line: each read looks at what is new only), how many commands finished and how
    /// many were answered.
    private let progress = Mutex((searched: 0, read: 0, finished: [(output: String, status: Int32)](), answered: 0))

    init(_ session: ShellSession, script: SessionScript, runsToTheEnd: Bool) {
        self.session = session
        self.script = script
        self.runsToTheEnd = runsToTheEnd
        mark = Array(script.markerStart.utf8)
    }

    func observe(_ output: [UInt8]) -> OutputObserverReply {
        progress.withLock { progress in
            guard let end = lastMarkerEnd(output, from: &progress.searched) else { return .wait }
            progress.finished += script.read(String(decoding: output[progress.read..<end], as: UTF8.self)).finished
            progress.read = end
            let finished = progress.finished
            // The session waits after every command but the last.
            let waiting = min(finished.count, session.commands.count - 1)
            guard waiting > progress.answered else { return .wait }
            for index in progress.answered..<waiting where !runsToTheEnd && !Self.matches(session.commands[index], finished[index]) {
                return .stop
            }
            let count = waiting - progress.answered
            progress.answered = waiting
            return .send(Array(String(repeating: "go\n", count: count).utf8))
        }
    }

    /// Whether a command printed what is written under it and ended with the status written.
    static func matches(_ command: ShellSession.Command, _ finished: (output: String, status: Int32)) -> Bool {
        command.status.accepts(finished.status)
            && SessionMatcher.align(expected: OutputMatcher.normalizedLines(command.expected.joined(separator: "\n")),
                                    actual: OutputMatcher.normalizedLines(finished.output)).matches
    }

    /// Where the last whole marker line found since `searched` ends (after its newline), if the
    /// output gained one; `searched` moves past what was seen.
    private func lastMarkerEnd(_ output: [UInt8], from searched: inout Int) -> Int? {
        var found: Int?
        while let range = output[searched...].firstRange(of: mark) {
            guard let lineEnd = output[range.upperBound...].firstIndex(of: UInt8(ascii: "\n")) else {
                searched = range.lowerBound
                return found
            }
            found = lineEnd + 1
            searched = lineEnd
        }
        // A marker may be cut by the end of what was read so far: look at its start again.
        searched = max(searched, output.count - mark.count + 1)
        return found
    }
}
