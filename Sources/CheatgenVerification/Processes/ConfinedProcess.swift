import CProcessControl
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
import CheatgenModel
#endif

/// Starts a snippet's program inside the run's confinement (namespaces, a control group with
/// its limits, or an address-space rlimit where there is none) and collects what it prints,
/// with the same time limit, output cap and session clean-up as `ProcessRunner`. Its standard
/// input is /dev/null, or with an `OutputObserver` a pipe the observer writes into.
enum ConfinedProcess {
    /// What a confined run may use.
    struct Limits {
        var memory: Int
        var processes: Int
        var network: Bool
        var timeout: Duration
        var outputLimit: Int
    }

    static func run(_ executable: String, arguments: [String], directory: String, environment: [String: String],
                    confinement: Confinement, limits: Limits, observer: (any OutputObserver)? = nil) async throws -> ProcessOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let group = try confinement.cgroups?.makeGroup(memory: limits.memory, processes: limits.processes)
        defer { group?.remove() }
        let output = try Pipe2(), errors = try Pipe2(), report = try Pipe2()
        let input = try observer.map { observer in (pipe: try Pipe2(), observer: observer) }
        var spec = cheatgen_spawn()
        spec.output_fd = output.write
        spec.error_fd = errors.write
        spec.input_fd = input?.pipe.read ?? -1
        spec.report_fd = report.write
        spec.network = limits.network ? -1 : confinement.network
        spec.mount = confinement.mount
        spec.root = confinement.root
        spec.cgroup_procs = (group?.procs.first ?? -1, group.flatMap { $0.procs.count > 1 ? $0.procs[1] : nil } ?? -1)
        spec.address_limit = group == nil && confinement.limits ? UInt64(limits.memory) : 0
        let words = [executable] + arguments
        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let pid: pid_t = withCStrings(words) { argv in
            withCStrings(variables) { envp in
                executable.withCString { path in
                    directory.withCString { folder in
                        spec.path = path
                        spec.directory = folder
                        spec.argv = UnsafePointer(OpaquePointer(argv.baseAddress))
                        spec.envp = UnsafePointer(OpaquePointer(envp.baseAddress))
                        return cheatgen_spawn_confined(&spec)
                    }
                }
            }
        }
        let forkError = errno
        output.closeWrite(); errors.closeWrite(); report.closeWrite(); input?.pipe.closeRead()
        guard pid > 0 else {
            output.closeRead(); errors.closeRead(); report.closeRead(); input?.pipe.closeWrite()
            throw CheatgenError.process(executable: executable, underlying: Reason("fork failed: \(SystemError(forkError))"))
        }
        ChildProcesses.shared.started(group: pid)
        // The child writes here only when a step before exec failed; exec closes it.
        var failure: (Int32, Int32) = (0, 0)
        let got = withUnsafeMutableBytes(of: &failure) { read(report.read, $0.baseAddress, $0.count) }
        report.closeRead()
        if got > 0 {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            ChildProcesses.shared.ended(group: pid)
            output.closeRead(); errors.closeRead(); input?.pipe.closeWrite()
            let steps = [1: "joining its control group", 2: "entering the network namespace", 3: "entering the mount namespace",
                         4: "changing to its folder", 5: "setting its memory limit", 6: "setting up its standard streams", 7: "exec",
                         8: "returning to cheatgen's root folder in the mount namespace"]
            throw CheatgenError.process(executable: executable, underlying: Reason("\(steps[Int(failure.0)] ?? "starting it") failed: \(SystemError(failure.1))"))
        }
        let state = Collector(pid: pid, output: output.read, errors: errors.read, limit: limits.outputLimit,
                              conversation: input.map { ($0.pipe.write, $0.observer) })
        let watchdog = Task {
            try await Task.sleep(for: limits.timeout)
            state.timeOut()
        }
        let (status, stdout, stderr) = await state.collect()
        watchdog.cancel()
        ChildProcesses.killSession(pid)
        ChildProcesses.shared.ended(group: pid)
        let ending: ProcessOutcome.Ending = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        if let log = ProcessRunner.commandLog {
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            log.write("$ \(words.map(ProcessRunner.shellQuoted).joined(separator: " "))  (\(String(format: "%.2f", seconds)) s, confined)")
        }
        var outcome = ProcessOutcome(ending: ending, standardOutput: stdout, standardError: stderr, timedOut: state.timedOut,
                                     exceededOutputLimit: state.overflowed, stopped: state.stopped, duration: clock.now - start)
        if let group {
            outcome.exceededMemoryLimit = group.ranOutOfMemory
            outcome.exceededProcessLimit = group.hitProcessLimit
        } else if confinement.limits, !outcome.succeeded {
            // Under an rlimit an allocation fails instead; the runtimes say so in their words.
            let phrases = ["MemoryError", "Could not allocate memory", "Cannot allocate memory", "out of memory", "std::bad_alloc"]
            outcome.exceededMemoryLimit = phrases.contains { outcome.errorText.contains($0) }
        }
        return outcome
    }

    /// A pipe whose ends are closed on exec in cheatgen (the child duplicates the ones it keeps).
    private struct Pipe2 {
        let read: Int32
        let write: Int32
        init() throws {
            var ends: [Int32] = [-1, -1]
            guard cheatgen_pipe(&ends) == 0 else { throw CheatgenError.system(action: "create a pipe", underlying: SystemError(errno)) }
            (read, write) = (ends[0], ends[1])
        }
        func closeRead() { close(read) }
        func closeWrite() { close(write) }
    }

    /// Reads both streams and waits for the child on a thread of its own (blocking calls stay
    /// off Swift's small cooperative pool); the watchdog kills the session from outside. With
    /// an observer, it is shown standard output as it grows and its replies are written to the
    /// child's standard input (`conversation`: the pipe's write end) or stop the child.
    private final class Collector: Sendable {
        let pid: pid_t
        let output: Int32
        let errors: Int32
        let limit: Int
        let conversation: (input: Int32, observer: any OutputObserver)?
        private let flags = Mutex((timedOut: false, overflowed: false, stopped: false))
        var timedOut: Bool { flags.withLock { $0.timedOut } }
        var overflowed: Bool { flags.withLock { $0.overflowed } }
        var stopped: Bool { flags.withLock { $0.stopped } }

        init(pid: pid_t, output: Int32, errors: Int32, limit: Int, conversation: (input: Int32, observer: any OutputObserver)?) {
            (self.pid, self.output, self.errors, self.limit, self.conversation) = (pid, output, errors, limit, conversation)
        }

        func timeOut() {
            flags.withLock { $0.timedOut = true }
            ChildProcesses.killSession(pid)
        }

        func collect() async -> (Int32, [UInt8], [UInt8]) {
            await withCheckedContinuation { continuation in
                let thread = Thread { continuation.resume(returning: self.loop()) }
                thread.stackSize = 1 << 20
                thread.start()
            }
        }

        private func loop() -> (Int32, [UInt8], [UInt8]) {
            var buffers: [[UInt8]] = [[], []]
            let exitFD = cheatgen_pidfd_open(pid)
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0), pollfd(fd: -1, events: Int16(POLLOUT), revents: 0)]
            var open = [true, true]
            // Without a pidfd (before Linux 5.3) the streams' end is the only sign.
            var exited = false
            var chunk = [UInt8](repeating: 0, count: 65536)
            // What the observer asked to send and the child has not taken yet; the pipe does not
            // block, so a child that does not read cannot stall its own output's collection.
            var input = conversation?.input ?? -1
            var pending: [UInt8] = []
            if input >= 0 {
                cheatgen_block_sigpipe()
                _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
            }
            while open[0] || open[1] {
                for index in 0..<2 { fds[index].fd = open[index] ? (index == 0 ? output : errors) : -1 }
                fds[2].fd = exited || exitFD < 0 ? -1 : exitFD
                fds[3].fd = pending.isEmpty ? -1 : input
                // Once the child is gone (and its session killed), drain what is left and stop
                // when nothing more comes: a process outside the session may still hold a pipe.
                let ready = poll(&fds, 4, exited ? 100 : -1)
                if ready < 0 && errno == EINTR { continue }
                if ready <= 0 { break }
                if !exited, fds[2].revents != 0 {
                    exited = true
                    ChildProcesses.killSession(pid)
                }
                var grew = false
                for index in 0..<2 where open[index] && fds[index].revents != 0 {
                    let count = chunk.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                    if count <= 0 { open[index] = false; continue }
                    let room = max(limit - buffers[index].count, 0)
                    buffers[index].append(contentsOf: chunk[0..<min(count, room)])
                    grew = grew || index == 0
                    if count > room, !overflowed {
                        flags.withLock { $0.overflowed = true }
                        ChildProcesses.killSession(pid)
                    }
                }
                if grew, input >= 0, !exited, let observer = conversation?.observer {
                    switch observer.observe(buffers[0]) {
                    case .wait: break
                    case .send(let bytes): pending += bytes
                    case .stop:
                        flags.withLock { $0.stopped = true }
                        ChildProcesses.killSession(pid)
                    }
                }
                if input >= 0, !pending.isEmpty {
                    let written = pending.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
                    if written > 0 {
                        pending.removeFirst(written)
                    } else if written < 0, errno != EAGAIN, errno != EINTR {
                        // The child closed its end (or is gone): nothing more can reach it.
                        close(input)
                        input = -1
                        pending = []
                    }
                }
            }
            if input >= 0 { close(input) }
            close(output)
            close(errors)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            if exitFD >= 0 { close(exitFD) }
            return (status, buffers[0], buffers[1])
        }
    }
}
