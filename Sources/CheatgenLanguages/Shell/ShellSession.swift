import CheatgenModel

/// A terminal session as a sheet writes it in a `console` block: `$ ` starts a command (a line
/// ending in `\`, or `> ` lines under it, continue it), `? N` / `? success` / `? failed` states
/// its exit status, and every other line up to the next command is its expected output.
struct ShellSession: Hashable, Sendable {
    /// What a command's exit status must be.
    enum ExpectedStatus: Hashable, Sendable {
        case exactly(Int32)
        /// `? failed`: anything but 0.
        case failure

        func accepts(_ status: Int32) -> Bool {
            switch self {
            case .exactly(let wanted): status == wanted
            case .failure: status != 0
            }
        }

        /// As the error message says it: `0`, `a failure`.
        var described: String {
            switch self {
            case .exactly(let wanted): "\(wanted)"
            case .failure: "a failure (not 0)"
            }
        }
    }

    struct Command: Hashable, Sendable {
        /// The Markdown line of its `$ `.
        var line: Int
        /// The lines as written in the block: the `$ ` line and its continuations.
        var written: [String]
        /// What bash runs: the prompts removed, continuation lines joined by newlines.
        var text: String
        var status: ExpectedStatus = .exactly(0)
        /// The `? ` line as written, and its index among the command's expected lines' neighbours.
        var statusLine: String?
        /// The expected output, as written.
        var expected: [String] = []
    }

    /// Lines before the first command (blank ones only), kept for `bless`.
    var leading: [String]
    var commands: [Command]

    /// Reads a block's code; `firstLine` is the Markdown line of its first line. A problem is
    /// an error at its own line.
    static func parse(_ code: String, firstLine: Int, path: String) -> Result<ShellSession, Diagnostic> {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        func at(_ index: Int, column: Int = 1) -> SourceLocation {
            SourceLocation(path: path, line: firstLine + index, column: column)
        }
        var leading: [String] = []
        var commands: [Command] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("$ ") || line == "$" {
                let start = index
                var written = [line]
                var text = String(line.dropFirst(2))
                var continues = text.hasSuffix("\\")
                index += 1
                while index < lines.count, continues || lines[index].hasPrefix("> ") || lines[index] == ">" {
                    let next = lines[index]
                    written.append(next)
                    let body = next.hasPrefix("> ") ? String(next.dropFirst(2)) : next == ">" ? "" : next
                    text += "\n" + body
                    continues = body.hasSuffix("\\")
                    index += 1
                }
                if continues {
                    return .failure(.error(.malformedBlock, "the command ends in '\\' but the session ends there; continue it on the next line or remove the '\\'",
                                           at: at(index - 1, column: lines[index - 1].count)))
                }
                commands.append(Command(line: firstLine + start, written: written, text: text))
                continue
            }
            if line.hasPrefix("? ") || line == "?" {
                guard !commands.isEmpty else {
                    return .failure(.error(.malformedBlock, "'? ' states a command's exit status, but there is no '$ ' command above it", at: at(index)))
                }
                guard commands[commands.count - 1].statusLine == nil else {
                    return .failure(.error(.malformedBlock, "this command's exit status is already stated above", at: at(index)))
                }
                let word = line.dropFirst(2).trimmed(of: " \t")
                let status: ExpectedStatus
                switch word {
                case "success": status = .exactly(0)
                case "failed": status = .failure
                default:
                    guard let number = Int32(word), (0...255).contains(number) else {
                        return .failure(.error(.malformedBlock, "'? ' takes an exit status: a number from 0 to 255, 'success' or 'failed'", at: at(index, column: 3)))
                    }
                    status = .exactly(number)
                }
                commands[commands.count - 1].status = status
                commands[commands.count - 1].statusLine = line
            } else if commands.isEmpty {
                guard line.allSatisfy(\.isWhitespace) else {
                    return .failure(.error(.malformedBlock, "a session starts with a command: '$ ' and the command (output lines follow it)", at: at(index)))
                }
                leading.append(line)
            } else {
                commands[commands.count - 1].expected.append(line)
            }
            index += 1
        }
        if commands.isEmpty {
            return .failure(.error(.malformedBlock, "a session has no command; start each with '$ '", at: SourceLocation(path: path, line: max(firstLine - 1, 1), column: 1)))
        }
        return .success(ShellSession(leading: leading, commands: commands))
    }

    /// The block's code again, with each command's status and output as given (nil: as written).
    func written(statuses: [Int32?], outputs: [[String]?]) -> String {
        var lines = leading
        for (index, command) in commands.enumerated() {
            lines += command.written
            if let status = statuses[index], !command.status.accepts(status) {
                if status != 0 { lines.append("? \(status)") }
            } else if let statusLine = command.statusLine {
                lines.append(statusLine)
            }
            lines += outputs[index] ?? command.expected
        }
        return lines.joined(separator: "\n")
    }
}
