import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
#endif
#if canImport(System)
import System
#else
import SystemPackage
import CheatgenModel
import Synchronization
#endif

/// Runs a child process in its own session (and process group) with stdin from /dev/null, a time limit and a
/// cap on what it may print. On timeout or too much output the whole group is killed, and any
/// process the child left behind is killed when it ends, so nothing outlives a snippet.
package enum ProcessRunner {
    /// Where `--verbose` wants every command line and its duration; nil when nobody asked.
    @TaskLocal package static var commandLog: CommandLog?

    /// A sink for command lines. A struct, not a bare closure: Swift 6.3.1 at -O miscompiles
    /// `withValue` on a function-typed `@TaskLocal` (it crashes in swift_task_localValuePush).
    package struct CommandLog: Sendable {
        package var write: @Sendable (String) -> Void
        package init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }
    }

    package static func run(
        _ executable: String,
        arguments: [String],
        workingDirectory: String? = nil,
        environment: [String: String]? = nil,
        timeout: Duration? = nil,
        stallTimeout: Duration? = nil,
        outputLimit: Int = 4 << 20
    ) async throws -> ProcessOutcome {
        var options = PlatformOptions()
        options.createSession = true
        let clock = ContinuousClock()
        let start = clock.now
        let env: Subprocess.Environment = environment.map { values in
            .custom(Dictionary(uniqueKeysWithValues: values.map { (Subprocess.Environment.Key(rawValue: $0.key)!, $0.value) }))
        } ?? .inherit
        let state = KillSwitch()
        let result: ExecutionResult<Captured, SequenceOutput, SequenceOutput>
        do {
            result = try await Subprocess.run(
                .path(FilePath(executable)),
                arguments: Arguments(arguments),
                environment: env,
                workingDirectory: workingDirectory.map { FilePath($0) },
                platformOptions: options,
                input: .none,
                output: .sequence,
                error: .sequence
            ) { execution in
                let pid = execution.processIdentifier.value
                state.pid = pid
                ChildProcesses.shared.started(group: pid)
                let watchdog = Task {
                    guard let timeout else { return }
                    try await Task.sleep(for: timeout)
                    state.timedOut = true
                    state.killGroup()
                }
                // A child whose whole session uses no CPU for `stallTimeout` is waiting for
                // something that will not come (SwiftPM, now and then, after a failed fetch).
                let stallWatch = Task {
                    guard let stallTimeout else { return }
                    let poll = min(max(stallTimeout / 4, .milliseconds(250)), .seconds(2))
                    var ticks = ChildProcesses.cpuTicks(session: pid)
                    var since = clock.now
                    while true {
                        try await Task.sleep(for: poll)
                        let now = ChildProcesses.cpuTicks(session: pid)
                        if now != ticks {
                            (ticks, since) = (now, clock.now)
                        } else if clock.now - since >= stallTimeout {
                            state.stalled = true
                            state.killGroup()
                            return
                        }
                    }
                }
                defer { watchdog.cancel(); stallWatch.cancel() }
                async let errorBytes = collect(execution.standardError, limit: outputLimit, state: state)
                let outputBytes = try await collect(execution.standardOutput, limit: outputLimit, state: state)
                return Captured(output: outputBytes, error: try await errorBytes)
            }
        } catch let error as SubprocessError {
            throw CheatgenError.process(executable: executable, underlying: error)
        }
        // Whatever the child started and left running dies with it.
        state.killGroup()
        ChildProcesses.shared.ended(group: state.pid)
        let ending: ProcessOutcome.Ending
        switch result.terminationStatus {
        case .exited(let code): ending = .exited(code)
        case .signaled(let signal): ending = .signaled(signal)
        }
        let duration = clock.now - start
        if let log = commandLog {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            log.write("$ \(([executable] + arguments).map(Self.shellQuoted).joined(separator: " "))  (\(String(format: "%.2f", seconds)) s)")
        }
        return ProcessOutcome(
            ending: ending,
            standardOutput: result.closureResult.output,
            standardError: result.closureResult.error,
            timedOut: state.timedOut,
            exceededOutputLimit: state.overflowed,
            stalled: state.stalled,
            duration: duration)
    }

    static func shellQuoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private struct Captured: Sendable {
        var output: [UInt8]
        var error: [UInt8]
    }

    private static func collect(_ sequence: SubprocessOutputSequence, limit: Int, state: KillSwitch) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in sequence {
            if bytes.count < limit {
                buffer.withUnsafeBytes { raw in
                    bytes.append(contentsOf: raw.prefix(limit - bytes.count))
                }
            }
            if bytes.count >= limit && buffer.count > 0 && !state.overflowed {
                state.overflowed = true
                state.killGroup()
            }
        }
        return bytes
    }

    /// Shared between the reader, the watchdog and the caller: which group to kill and why.
    private final class KillSwitch: Sendable {
        private struct State {
            var pid: pid_t = 0
            var timedOut = false
            var overflowed = false
            var stalled = false
        }
        private let state = Mutex(State())

        var pid: pid_t {
            get { state.withLock { $0.pid } }
            set { state.withLock { $0.pid = newValue } }
        }
        var timedOut: Bool {
            get { state.withLock { $0.timedOut } }
            set { state.withLock { $0.timedOut = newValue } }
        }
        var overflowed: Bool {
            get { state.withLock { $0.overflowed } }
            set { state.withLock { $0.overflowed = newValue } }
        }
        var stalled: Bool {
            get { state.withLock { $0.stalled } }
            set { state.withLock { $0.stalled = newValue } }
        }

        func killGroup() {
            ChildProcesses.killSession(pid)
        }
    }
}
