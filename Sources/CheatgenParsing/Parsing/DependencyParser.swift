import Yams
import CheatgenModel

/// Reads a `dependencies:` list (front matter or cheatgen.yml) from YAML.
enum DependencyParser {
    static let shape = "each dependency is a mapping with 'url', a version ('from' or 'exact') and 'products', as in:\n  - url: https://github.com/apple/swift-async-algorithms\n    from: 1.0.0\n    products: [AsyncAlgorithms]\nor, for a package on disk (relative to the folder of cheatgen.yml), 'path' and 'products':\n  - path: .\n    products: [MyLibrary]"

    /// `place` turns a YAML mark into a file location (front matter is offset by its `---` line).
    static func parse(_ node: Node, place: (Mark?) -> SourceLocation, diagnostics: inout [Diagnostic]) -> [PackageDependency] {
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(.invalidDependency, "'dependencies' must be a list; \(shape)", at: place(node.mark)))
            return []
        }
        var result: [PackageDependency] = []
        for item in items {
            let at = place(item.mark)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error(.invalidDependency, shape, at: at))
                continue
            }
            var url: String?
            var path: String?
            var requirement: PackageDependency.Requirement?
            var products: [String] = []
            var ok = true
            for (key, value) in mapping {
                let name = key.string ?? ""
                switch name {
                case "url":
                    url = value.scalar?.string
                case "path":
                    guard let text = value.scalar?.string, !text.isEmpty else {
                        diagnostics.append(.error(.invalidDependency, "'path' needs a folder holding a Package.swift, such as '.'", at: place(value.mark)))
                        ok = false
                        continue
                    }
                    path = text
                case "from", "exact":
                    guard let version = value.scalar?.string, isVersion(version) else {
                        diagnostics.append(.error(.invalidDependency, "'\(name)' needs a version like 1.0.0", at: place(value.mark)))
                        ok = false
                        continue
                    }
                    if requirement != nil {
                        diagnostics.append(.error(.invalidDependency, "give one of 'from' or 'exact', not both", at: place(key.mark)))
                        ok = false
                    }
                    requirement = name == "from" ? .from(version) : .exact(version)
                case "products":
                    if let list = value.sequence?.compactMap({ $0.scalar?.string }), !list.isEmpty, list.count == value.sequence?.count {
                        products = list
                    } else if let single = value.scalar?.string {
                        products = [single]
                    } else {
                        diagnostics.append(.error(.invalidDependency, "'products' must name at least one product", at: place(value.mark)))
                        ok = false
                    }
                default:
                    diagnostics.append(.warning(.unknownDependencyKey, "unknown dependency key '\(name)' is ignored; known: url, path, from, exact, products", at: place(key.mark)))
                }
            }
            guard ok else { continue }
            if let path {
                if url != nil {
                    diagnostics.append(.error(.invalidDependency, "give one of 'url' or 'path', not both", at: at))
                } else if requirement != nil {
                    diagnostics.append(.error(.invalidDependency, "dependency \(path) is a folder: it has no version, so leave out 'from' and 'exact'", at: at))
                } else if products.isEmpty {
                    diagnostics.append(.error(.invalidDependency, "dependency \(path) needs 'products': the library products snippets import", at: at))
                } else {
                    result.append(PackageDependency(source: .path(path), products: products, location: at))
                }
                continue
            }
            guard let url, url.contains("/") else {
                diagnostics.append(.error(.invalidDependency, "dependency needs a package 'url' (or a 'path'); \(shape)", at: at))
                continue
            }
            guard let requirement else {
                diagnostics.append(.error(.invalidDependency, "dependency \(url) needs a version: 'from: 1.0.0' or 'exact: 1.0.0'", at: at))
                continue
            }
            guard !products.isEmpty else {
                diagnostics.append(.error(.invalidDependency, "dependency \(url) needs 'products': the library products snippets import", at: at))
                continue
            }
            result.append(PackageDependency(source: .url(url, requirement), products: products, location: at))
        }
        return result
    }

    private static func isVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
