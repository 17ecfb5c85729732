// swift-tools-version: 6.2
import PackageDescription

// The layers, lowest first; a target may import only the ones below it, so a back-edge does
// not compile (README, "Architecture"):
//   CheatgenModel         the document, snippets, diagnostics, support
//   CheatgenParsing       Markdown and YAML into the model; cheatgen.yml
//   CheatgenVerification  processes, containment, the Language protocol, the verification engine
//   CheatgenLanguages     Swift, Python, JavaScript; the registry
//   CheatgenSite          rendering, writing, reports, the theme
//   CheatgenCore          the actions (check, build, bless, serve, new, init) the CLI calls
//   cheatgen              the command line
// Declarations shared between targets are `package`: cheatgen's surface is its command line.
let package = Package(
    name: "cheatgen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cheatgen", targets: ["cheatgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(name: "CProcessControl"),
        .target(
            name: "CheatgenModel",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CheatgenParsing",
            dependencies: [
                "CheatgenModel",
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CheatgenVerification",
            dependencies: [
                "CheatgenModel",
                "CheatgenParsing",
                "CProcessControl",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CheatgenLanguages",
            dependencies: [
                "CheatgenModel",
                "CheatgenParsing",
                "CheatgenVerification",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CheatgenSite",
            dependencies: [
                "CheatgenModel",
                "CheatgenParsing",
                "CheatgenVerification",
                "CheatgenLanguages",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/theme")]
        ),
        .target(
            name: "CheatgenCore",
            dependencies: [
                "CheatgenModel",
                "CheatgenParsing",
                "CheatgenVerification",
                "CheatgenLanguages",
                "CheatgenSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "cheatgen",
            dependencies: [
                "CheatgenCore",
                "CheatgenModel",
                "CheatgenVerification",
                "CheatgenSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CheatgenCoreTests",
            dependencies: ["CheatgenModel", "CheatgenParsing", "CheatgenVerification", "CheatgenLanguages", "CheatgenSite",
                           "CheatgenCore", "cheatgen"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
