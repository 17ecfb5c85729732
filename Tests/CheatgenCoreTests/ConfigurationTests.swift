import Foundation
import Testing
@testable import CheatgenParsing
@testable import CheatgenLanguages

@Suite("cheatgen.yml")
struct ConfigurationTests {
    private func parse(_ yaml: String) -> (Configuration, [String]) {
        let (configuration, diagnostics) = Configuration.parse(yaml, path: "cheatgen.yml", languages: languages)
        return (configuration, diagnostics.map(\.formatted))
    }

    @Test func defaults() {
        let configuration = Configuration()
        #expect(configuration.title == "Cheatsheets")
        #expect(configuration.baseURL == nil)
        #expect(configuration.defaultTimeout == 10)
        #expect(configuration.languageSections.isEmpty)
    }

    @Test("An empty or comment-only file gives the defaults", arguments: ["", "\n", "# nothing set yet\n"])
    func emptyFile(yaml: String) {
        let (configuration, diagnostics) = parse(yaml)
        #expect(diagnostics.isEmpty)
        #expect(configuration == Configuration(languages: languages))
    }

    @Test func missingFileGivesTheDefaults() {
        let (configuration, diagnostics) = Configuration.load(from: "/nonexistent/cheatgen.yml", languages: languages)
        #expect(diagnostics.isEmpty)
        #expect(configuration == Configuration(languages: languages))
    }

    @Test func everyKey() {
        let (configuration, diagnostics) = parse("""
            title: Swift Notes
            base-url: https://example.org/cheats
            timeout: 2.5
            swift:
              flags: [-DCHEATGEN, -warnings-as-errors]
              warnings: error
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(configuration.title == "Swift Notes")
        #expect(configuration.baseURL == "https://example.org/cheats/")
        #expect(configuration.defaultTimeout == 2.5)
        let swift = SwiftSettings.read(configuration.languageSections["swift"])
        #expect(swift.diagnostics.isEmpty)
        #expect(swift.settings.flags == ["-DCHEATGEN", "-warnings-as-errors"])
        #expect(swift.settings.warningsAsErrors)
    }

    @Test func baseURLKeepsAnExistingSlashAndAcceptsHTTP() {
        #expect(parse("base-url: http://localhost:8000/").0.baseURL == "http://localhost:8000/")
    }

    @Test func wholeNumberTimeout() {
        #expect(parse("timeout: 30").0.defaultTimeout == 30)
    }

    @Test func swiftFlagsAsABlockList() {
        let section = parse("swift:\n  flags:\n    - -DA\n    - -DB\n").0.languageSections["swift"]
        #expect(SwiftSettings.read(section).settings.flags == ["-DA", "-DB"])
    }

    @Test("A language's section is checked by that language, at the value", arguments: [
        ("swift:\n  flags: -DA", "cheatgen.yml:3:10: error: 'swift: flags' must be a list of strings, as in flags: [-DDEBUG]"),
        ("swift:\n  flags: [-DA, [nested]]", "cheatgen.yml:3:10: error: 'swift: flags' must be a list of strings, as in flags: [-DDEBUG]"),
        ("swift:\n  warnings: loud", "cheatgen.yml:3:13: error: 'swift: warnings' must be 'error' (a warning fails its snippet) or 'warn'"),
        ("swift:\n  optimise: true", "cheatgen.yml:3:3: warning: unknown Swift setting 'optimise' is ignored; known: flags, warnings, merge"),
        ("python:\n  flags: [-X]", "cheatgen.yml:3:3: warning: unknown Python setting 'flags' is ignored; Python has none"),
    ])
    func languageSection(yaml: String, message: String) throws {
        let (configuration, diagnostics) = parse("# settings\n\(yaml)\n")
        #expect(diagnostics.isEmpty)
        let checked = LanguageRegistry.all.flatMap { $0.checkSettings(configuration.languageSections[$0.name]) }
        #expect(checked.map(\.formatted) == [message])
    }

    @Test("Settings that moved into the swift section are errors that say where they went", arguments: [
        ("swift-flags: [-DA]", "cheatgen.yml:2:1: error: 'swift-flags' is now set in its language's section: swift: { flags: [...] }"),
        ("warnings: error", "cheatgen.yml:2:1: error: 'warnings' is now set in its language's section: swift: { warnings: error }"),
        ("swift: [-DA]", "cheatgen.yml:2:8: error: 'swift' must be a mapping of swift settings, as in swift: { flags: [-DDEBUG] }"),
    ])
    func movedSetting(line: String, message: String) {
        #expect(parse("# settings\n\(line)\n").1 == [message])
    }

    @Test("Bad values are errors at the value", arguments: [
        ("title: [a, b]", "cheatgen.yml:2:8: error: 'title' must be a string"),
        ("base-url: example.org", "cheatgen.yml:2:11: error: 'base-url' must be an http(s) address"),
        ("base-url: ftp://example.org/", "cheatgen.yml:2:11: error: 'base-url' must be an http(s) address"),
        ("base-url: javascript:alert(1)", "cheatgen.yml:2:11: error: 'base-url' must be an http(s) address"),
        ("timeout: abc", "cheatgen.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"),
        ("timeout: 0", "cheatgen.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"),
        ("timeout: -5", "cheatgen.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"),
        ("timeout: 3601", "cheatgen.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"),
        ("timeout: [1]", "cheatgen.yml:2:10: error: 'timeout' must be a number of seconds between 0 and 3600"),
    ])
    func badValue(line: String, message: String) {
        let (configuration, diagnostics) = parse("# settings\n\(line)\n")
        #expect(diagnostics == [message])
        // The bad setting keeps its default.
        #expect(configuration.baseURL == nil)
        #expect(configuration.defaultTimeout == 10)
    }

    @Test func unknownKeyIsAWarning() {
        let (configuration, diagnostics) = parse("title: T\n\nthemes: dark\n")
        #expect(diagnostics == ["cheatgen.yml:3:1: warning: unknown setting 'themes' is ignored; known: base-url, dependencies, env, known-failures, listings, memory, network, timeout, title, verify, swift, python, pycon, javascript, console, bash"])
        #expect(configuration.title == "T")
    }

    @Test func notAMapping() {
        let (_, diagnostics) = parse("\n- title\n- timeout\n")
        #expect(diagnostics == ["cheatgen.yml:2:1: error: cheatgen.yml must be a mapping of settings"])
    }

    @Test func invalidYAMLIsAnError() throws {
        let (configuration, diagnostics) = Configuration.parse("title: T\ntimeout: 5\nswift-flags: [-DA\n", path: "cheatgen.yml", languages: languages)
        #expect(configuration == Configuration(languages: languages))
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(error.severity == .error)
        #expect(error.id == .invalidConfigYAML)
        #expect(error.message.hasPrefix("cheatgen.yml is not valid YAML"))
        #expect(error.location?.line != 1, "\(error.formatted)")
    }

    @Test func loadDecodesTheFileLikeASheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/cheatgen.yml"
        try Data([0xEF, 0xBB, 0xBF] + Array("title: With BOM\r\ntimeout: 3\r\n".utf8)).write(to: URL(fileURLWithPath: path))
        let (configuration, diagnostics) = Configuration.load(from: path, languages: languages)
        #expect(diagnostics.isEmpty)
        #expect(configuration.title == "With BOM")
        #expect(configuration.defaultTimeout == 3)

        try Data(Array("title: T\n".utf8) + [0xFF]).write(to: URL(fileURLWithPath: path))
        let (_, bad) = Configuration.load(from: path, languages: languages)
        #expect(bad.map(\.formatted) == ["\(path):2:1: error: file is not valid UTF-8"])
    }
}

extension ConfigurationTests {
    @Test func containmentSettings() {
        let (configuration, diagnostics) = parse("env: [API_BASE, LANGUAGE_2]\nmemory: 2G\nnetwork: true\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(configuration.environment == ["API_BASE", "LANGUAGE_2"])
        #expect(configuration.memoryLimit == 2 << 30)
        #expect(configuration.network)
        #expect(Configuration().memoryLimit == 1 << 30 && !Configuration().network && Configuration().environment.isEmpty)
    }

    @Test func badContainmentSettingsAreErrorsAtTheirLines() {
        let (_, diagnostics) = parse("env: API_BASE\nmemory: plenty\nnetwork: sometimes\n")
        #expect(diagnostics == [
            "cheatgen.yml:1:6: error: 'env' must be a list of environment variable names (letters, digits, '_'), as in [API_BASE]",
            "cheatgen.yml:2:9: error: 'memory' must be a size of at least 1M, as in 512M or 2G",
            "cheatgen.yml:3:10: error: 'network' must be true or false",
        ])
        #expect(parse("env: [\"A=1\"]").1 == ["cheatgen.yml:1:6: error: 'env' must be a list of environment variable names (letters, digits, '_'), as in [API_BASE]"])
    }
}
