import Testing
@testable import CheatgenCore

@Suite("Running child processes")
struct ProcessRunnerTests {
    @Test func aChildThatStopsUsingTheCPUIsStoppedAsStalled() async throws {
        let started = ContinuousClock.now
        let outcome = try await ProcessRunner.run("/bin/sleep", arguments: ["60"], timeout: .seconds(120), stallTimeout: .seconds(1))
        #expect(outcome.stalled)
        #expect(!outcome.succeeded)
        #expect(!outcome.timedOut)
        #expect(ContinuousClock.now - started < .seconds(20), "stopped about a second after it went quiet, not at the time limit")
    }

    @Test func aChildThatKeepsWorkingIsNotStalled() async throws {
        // About two seconds of pure CPU with a one-second stall limit.
        let busy = "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; echo finished"
        let outcome = try await ProcessRunner.run("/bin/sh", arguments: ["-c", busy], timeout: .seconds(120), stallTimeout: .seconds(1))
        #expect(!outcome.stalled)
        #expect(outcome.succeeded)
        #expect(outcome.outputText == "finished\n")
    }
}
