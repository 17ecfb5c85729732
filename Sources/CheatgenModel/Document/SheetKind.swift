/// What a sheet is for, as the index tells readers (`kind:` in the front matter): a cheatsheet
/// to print and pin up, or a guide to read through.
package enum SheetKind: String, Hashable, Sendable, CaseIterable {
    case cheatsheet
    case guide

    /// The word on the index page.
    package var label: String {
        switch self {
        case .cheatsheet: "Cheatsheet"
        case .guide: "Guide"
        }
    }
}
