import Foundation

/// The jobs the driver runs to link a runner — `swift-autolink-extract` over the objects, then
/// `clang` as the linker driver — learned once by asking `swiftc -###` with placeholder names
/// and run directly. The Swift driver's own start-up is half the time of linking a runner of
/// a few dozen small objects; the jobs are exactly the driver's, so the runner is the same.
struct LinkInvocation: Sendable, Codable {
    static let dispatcher = "cheatgen-placeholder-dispatcher.o"
    static let objects = "cheatgen-placeholder-objects.o"
    static let output = "cheatgen-placeholder-runner"

    /// The two jobs, with the placeholders above in them; the autolink file's path in both is
    /// `autolinkFile`, replaced by one in the scratch folder.
    var extract: [String]
    var link: [String]
    var autolinkFile: String

    /// The driver's link jobs with these flags, learned once per compiler binary
    /// (`DriverPlan`). Nil when the plan is not the expected two jobs: then the driver links.
    static func learn(swiftc: String, flags: [String], cacheDirectory: String) async -> LinkInvocation? {
        await DriverPlan.learn("link-v1", swiftc: swiftc, arguments: [dispatcher, "-o", output, objects] + flags,
                               cacheDirectory: cacheDirectory, recognise: Self.init(jobs:))
    }

    /// Recognises the plan: `swift-autolink-extract <objects> -o X.autolink`, then a link job
    /// naming the objects, `@X.autolink` and the output. Anything else is not understood.
    init?(jobs: [[String]]) {
        guard jobs.count == 2 else { return nil }
        let (extract, link) = (jobs[0], jobs[1])
        guard extract.first?.hasSuffix("swift-autolink-extract") == true,
              let flag = extract.firstIndex(of: "-o"), flag + 1 < extract.count, extract[flag + 1].hasSuffix(".autolink"),
              extract.contains(Self.dispatcher), extract.contains(Self.objects) else { return nil }
        let autolink = extract[flag + 1]
        guard link.count > 1, link.contains(Self.dispatcher), link.contains(Self.objects), link.contains(Self.output),
              link.contains("@\(autolink)"),
              !link.contains(where: { $0.contains(".autolink") && $0 != "@\(autolink)" }) else { return nil }
        self.extract = extract
        self.link = link
        self.autolinkFile = autolink
    }

    /// The two commands for linking `objects` with `dispatcher` into `output`; the autolink
    /// file goes to `autolinkPath`.
    func commands(dispatcher: String, objects: [String], output: String, autolinkPath: String) -> [(String, [String])] {
        [extract, link].map { job in
            let words = job.flatMap { word -> [String] in
                switch word {
                case Self.dispatcher: [dispatcher]
                case Self.objects: objects
                case Self.output: [output]
                case autolinkFile: [autolinkPath]
                case "@\(autolinkFile)": ["@\(autolinkPath)"]
                default: [word]
                }
            }
            return (words[0], Array(words.dropFirst()))
        }
    }
}
