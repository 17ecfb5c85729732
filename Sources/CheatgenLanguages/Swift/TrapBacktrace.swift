import CheatgenModel

/// Reads the Swift runtime's backtrace (`SWIFT_BACKTRACE=enable=yes`) of a crashed snippet:
/// where in the sheet it crashed, and the places in the sheet that called it.
struct TrapBacktrace {
    /// Innermost first: the line that trapped, then its callers in the snippet.
    var frames: [SourceLocation]

    /// What the runner is started with so a trap prints symbolized frames on stderr, without
    /// registers or the list of loaded images.
    static let environment = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,output-to=stderr"

    init(stderr: String, path: String) {
        guard let start = stderr.range(of: "*** Program crashed:") else {
            frames = []
            return
        }
        frames = StackFrames.locations(in: stderr[start.upperBound...], path: path)
    }

    /// Standard error without the backtrace: what the snippet itself and the runtime's message said.
    static func withoutBacktrace(_ stderr: String) -> String {
        guard let start = stderr.range(of: "\n*** Signal ") ?? stderr.range(of: "*** Signal ") else { return stderr }
        return String(stderr[..<start.lowerBound])
    }
}
