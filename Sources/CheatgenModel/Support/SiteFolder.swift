/// How a folder cheatgen writes a site to is recognised, by the writer that makes it and by
/// the repository watch that must not blame a snippet for it: a marker file in every site, and
/// the name of the hidden folder a site is staged in beside its destination.
package enum SiteFolder {
    /// The file every site cheatgen writes carries.
    package static let marker = ".cheatgen-site"

    /// The hidden folder beside `name` where process `pid` stages the site before swapping it in.
    package static func stagingName(for name: String, pid: Int32) -> String {
        ".\(name).building-\(pid)"
    }

    /// Whether a folder's name is one `stagingName` makes.
    package static func isStaging(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: ".building-", options: .backwards) else { return false }
        let pid = name[range.upperBound...]
        return !pid.isEmpty && pid.allSatisfy(\.isNumber)
    }
}
