import Testing
@testable import CheatgenVerification

@Suite("Running child processes")
struct ProcessRunnerTests {
    @Test func aChildThatStopsUsingTheCPUIsStoppedAsStalled() async throws {
        let started = ContinuousClock.now
        // The sleep outlasts any bound below, and the time limit is far beyond it: only the stall
        // check can end the run early. (The bound is loose: with the whole suite running on two
        // cores the check itself may wait its turn for a while.)
        let outcome = try await ProcessRunner.run("/bin/sleep", arguments: ["600"], timeout: .seconds(900), stallTimeout: .seconds(1))
        #expect(outcome.stalled)
        #expect(!outcome.succeeded)
        #expect(!outcome.timedOut)
        #expect(ContinuousClock.now - started < .seconds(120), "stopped soon after it went quiet, not at the time limit")
    }

    @Test func aChildThatKeepsWorkingIsNotStalled() async throws {
        // About two seconds of pure CPU with a three-second stall limit (a one-second limit was
        // reached on two cores shared with a fuzzer build: the child waited for a core that long).
        let busy = "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; echo finished"
        let outcome = try await ProcessRunner.run("/bin/sh", arguments: ["-c", busy], timeout: .seconds(120), stallTimeout: .seconds(3))
        #expect(!outcome.stalled)
        #expect(outcome.succeeded)
        #expect(outcome.outputText == "finished\n")
    }
}
