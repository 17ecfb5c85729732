import Testing
@testable import CheatgenVerification

@Suite("A snippet's environment")
struct SnippetEnvironmentTests {
    @Test func onlyTheDocumentedVariablesAndTheOnesPassedByName() throws {
        let snippet = try onlySnippet("\n## A\n\n### B\n\n```swift\nprint(1)\n```\n")
        let outside = ["PATH": "/usr/bin:/bin", "GITHUB_TOKEN": "ghp_secret", "HOME": "/root", "API_BASE": "http://localhost:9"]

        let environment = SnippetEnvironment.make(folder: "/tmp/run-1", snippet: snippet, passing: ["API_BASE", "NOT_SET"],
                                                  language: ["SWIFT_BACKTRACE": "enable=no"], outside: outside)

        #expect(environment == [
            "PATH": "/usr/bin:/bin", "HOME": "/tmp/run-1", "TMPDIR": "/tmp/run-1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "TERM": "dumb", "CHEATGEN_SNIPPET": snippet.name, "API_BASE": "http://localhost:9", "SWIFT_BACKTRACE": "enable=no",
        ])
    }
}
