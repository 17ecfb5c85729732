import Testing
@testable import CheatgenVerification

/// Pages name tools at a precision two ordinary machines share (Debian 12's Python 3.11.2 and
/// pyenv's 3.11.7 print the same page).
@Suite struct VersionLabelTests {
    @Test func pythonPrintsMajorAndMinor() {
        #expect(VersionLabel.label("Python", version: "Python 3.11.2", components: 2) == "Python 3.11")
        #expect(VersionLabel.label("Python", version: "Python 3.11.7", components: 2) == "Python 3.11")
        #expect(VersionLabel.label("Python", version: "Python 3.13.0rc1", components: 2) == "Python 3.13")
    }

    @Test func nodePrintsItsMajorRelease() {
        #expect(VersionLabel.label("Node", version: "v20.20.2", components: 1) == "Node 20")
        #expect(VersionLabel.label("Node", version: "Node 18.20.4", components: 1) == "Node 18")
    }

    @Test func swiftPrintsMajorAndMinor() {
        #expect(VersionLabel.label("Swift", version: "6.3.1", components: 2) == "Swift 6.3")
        #expect(VersionLabel.label("Swift", version: "6.2", components: 2) == "Swift 6.2")
    }

    @Test func aVersionWithoutANumberIsShownWhole() {
        #expect(VersionLabel.label("Swift", version: "dev", components: 2) == "Swift dev")
    }
}
