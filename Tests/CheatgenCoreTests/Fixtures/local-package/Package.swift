// swift-tools-version: 6.0
// A tiny library whose documentation is the sheet in content/: cheatgen builds this package
// (declared in cheatgen.yml with `path: .`) and verifies the sheet's snippets against it.
import PackageDescription

let package = Package(
    name: "local-package",
    products: [.library(name: "Tally", targets: ["Tally"])],
    targets: [.target(name: "Tally")]
)
