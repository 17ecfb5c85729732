/// Disjoint sets with path compression: which items are linked, directly or through others.
package struct UnionFind<Element: Hashable> {
    private var parent: [Element: Element] = [:]

    package init() {}

    package mutating func find(_ item: Element) -> Element {
        var root = item
        while let next = parent[root], next != root { root = next }
        var current = item
        while let next = parent[current], next != root {
            parent[current] = root
            current = next
        }
        return root
    }

    package mutating func union(_ a: Element, _ b: Element) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[rootB] = rootA }
    }
}
