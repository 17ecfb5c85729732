/// The snippets whose declarations a snippet `uses=`, transitively, in the order they must come
/// (each after the ones it uses itself, each once) — shared by every language.
package enum UsesResolution {
    package static func order(for snippet: Snippet, named: [String: Snippet]) -> Result<[Snippet], Diagnostic> {
        var order: [Snippet] = []
        var done: Set<String> = []

        func visit(_ name: String, chain: [String]) -> Diagnostic? {
            if done.contains(name) { return nil }
            if chain.contains(name) {
                return .error(.unresolvedUses, "'uses=' forms a cycle: \((chain + [name]).joined(separator: " → "))", at: snippet.location)
            }
            guard let used = named[name] else {
                return .error(.unresolvedUses, "'uses=\(name)': no snippet in this sheet has 'id=\(name)'", at: snippet.location)
            }
            for inner in used.attributes.uses {
                if let problem = visit(inner, chain: chain + [name]) { return problem }
            }
            done.insert(name)
            order.append(used)
            return nil
        }

        let start = snippet.attributes.id.map { [$0] } ?? []
        for name in snippet.attributes.uses {
            if let problem = visit(name, chain: start) { return .failure(problem) }
        }
        return .success(order)
    }
}
