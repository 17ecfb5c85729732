/// The precision a page names a tool at. Verdicts stay keyed by the exact version (a patch
/// release verifies again), but pages print only what a reader needs and what does not tie a
/// committed site to one machine: Debian 12's Python 3.11.2 and another machine's 3.11.7 both
/// print `Python 3.11`; Node prints its major release (`Node 20`), Swift major.minor (`Swift 6.3`).
package enum VersionLabel {
    /// `name` and the first `components` numbers of `version`'s first dotted number:
    /// `label("Python", version: "Python 3.11.7", components: 2)` is `Python 3.11`.
    /// A version with no number is shown whole.
    package static func label(_ name: String, version: String, components: Int) -> String {
        guard let number = version.split(whereSeparator: { $0 == " " || $0 == "v" || $0 == "(" })
            .first(where: { $0.first?.isNumber == true }) else { return "\(name) \(version)" }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false).prefix(components)
        return "\(name) \(parts.joined(separator: "."))"
    }
}
