import Testing
@testable import CheatgenModel
@testable import CheatgenLanguages

/// The driver's plans that cheatgen learns once and then runs itself.
@Suite("Learned driver jobs")
struct DriverJobTests {
    // What `swiftc -### <dispatcher> -o <runner> <objects> -L /deps -lCheatgenDependencies` prints on Linux.
    static let plan: [[String]] = [
        ["/opt/swift/usr/bin/swift-autolink-extract", LinkInvocation.dispatcher, LinkInvocation.objects, "-o", "/tmp/T.1/main-1.autolink"],
        ["/opt/swift/usr/bin/clang", "-pie", "/opt/swift/usr/lib/swift/linux/x86_64/swiftrt.o", LinkInvocation.dispatcher, LinkInvocation.objects,
         "@/tmp/T.1/main-1.autolink", "-L", "/opt/swift/usr/lib/swift/linux", "-lswiftCore", "-L", "/deps", "-lCheatgenDependencies",
         "-o", LinkInvocation.output],
    ]

    @Test func theLinkPlanIsRunWithTheRealObjectsAndAScratchAutolinkFile() throws {
        let invocation = try #require(LinkInvocation(jobs: Self.plan))
        let commands = invocation.commands(dispatcher: "d.o", objects: ["a.o", "b.o"], output: "bin/runner", autolinkPath: "scratch/r.autolink")
        #expect(commands.map(\.0) == ["/opt/swift/usr/bin/swift-autolink-extract", "/opt/swift/usr/bin/clang"])
        #expect(commands[0].1 == ["d.o", "a.o", "b.o", "-o", "scratch/r.autolink"])
        #expect(commands[1].1 == ["-pie", "/opt/swift/usr/lib/swift/linux/x86_64/swiftrt.o", "d.o", "a.o", "b.o", "@scratch/r.autolink",
                                  "-L", "/opt/swift/usr/lib/swift/linux", "-lswiftCore", "-L", "/deps", "-lCheatgenDependencies", "-o", "bin/runner"])
    }

    @Test func aPlanItDoesNotRecogniseIsLeftToTheDriver() {
        // One job more (a toolchain that also strips or signs), one less, or the objects missing from a job.
        #expect(LinkInvocation(jobs: Self.plan + [["/usr/bin/strip", LinkInvocation.output]]) == nil)
        #expect(LinkInvocation(jobs: [Self.plan[1]]) == nil)
        #expect(LinkInvocation(jobs: [Self.plan[0], Self.plan[1].filter { $0 != LinkInvocation.objects }]) == nil)
        #expect(LinkInvocation(jobs: [Self.plan[0].filter { !$0.hasSuffix(".autolink") && $0 != "-o" }, Self.plan[1]]) == nil)
    }

    // What `swiftc -### -c -wmo <first> <second> -module-name <module> -o <output>` prints on Linux (shortened).
    static let modulePlan: [[String]] = [[
        "/opt/swift/usr/bin/swift-frontend", "-frontend", "-c", FrontendInvocation.input, FrontendInvocation.secondInput,
        "-swift-version", "6", "-module-name", FrontendInvocation.module, "-parse-as-library", "-o", FrontendInvocation.output,
    ]]

    @Test func aModulePlanTakesAnyNumberOfFilesInPlaceOfItsTwo() throws {
        let plan = try #require(FrontendInvocation.recogniseModule(Self.modulePlan))
        let (program, arguments) = plan.command(inputs: ["a.swift", "b.swift", "entries.swift"], output: "m.o", module: "M_1")
        #expect(program == "/opt/swift/usr/bin/swift-frontend")
        #expect(arguments == ["-frontend", "-c", "a.swift", "b.swift", "entries.swift", "-swift-version", "6", "-module-name", "M_1",
                              "-parse-as-library", "-o", "m.o"])
    }

    @Test func aModulePlanItDoesNotRecogniseIsLeftToTheDriver() {
        let words = Self.modulePlan[0]
        // Two jobs (a frontend per file), the files apart, a file missing, or a file named twice.
        #expect(FrontendInvocation.recogniseModule([words, words]) == nil)
        #expect(FrontendInvocation.recogniseModule([words.filter { $0 != FrontendInvocation.secondInput } + [FrontendInvocation.secondInput]]) == nil)
        #expect(FrontendInvocation.recogniseModule([words.filter { $0 != FrontendInvocation.secondInput }]) == nil)
        #expect(FrontendInvocation.recogniseModule([words + ["-primary-file", FrontendInvocation.input]]) == nil)
    }

    @Test func driverLinesSplitLikeAShell() {
        #expect(ShellWords.split(#"/bin/clang -o "a b.o" c\ d.o"#) == ["/bin/clang", "-o", "a b.o", "c d.o"])
        #expect(ShellWords.split(#"/bin/clang "unterminated"#) == nil)
    }
}
