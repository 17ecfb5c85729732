import Mustache
import CheatgenParsing
import CheatgenVerification

// How the templates find a view's fields: by name, through swift-mustache's `MustacheParent`,
// instead of its default, `Mirror`, which reflects every field of every context up the stack on
// each lookup (a third of the rendering time on a large site). Each `child(named:)` answers
// exactly what `Mirror` would: the field's value, with an Optional unwrapped; and nil, so that
// the lookup goes on up the stack, both for a name the view lacks and for a nil Optional field.
// `ViewLookupTests` checks every field of every view against `Mirror`.

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "description": description
        case "root": root
        case "siteTitle": siteTitle
        case "toolchains": toolchains
        case "checks": checks
        case "hasChecks": hasChecks
        default: nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "slug": slug
        case "count": count
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "last": last
        default: nil
        }
    }
}

extension SnippetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "id": id
        case "language": language
        case "codeHTML": codeHTML
        case "program": program
        case "badgeText": badgeText
        case "badgeTitle": badgeTitle
        case "badgeKind": badgeKind
        case "uses": uses
        case "hasOutput": hasOutput
        case "outputLabel": outputLabel
        case "output": output
        case "hasErrors": hasErrors
        case "errors": errors
        default: nil
        }
    }
}

extension SnippetView.UsesView: MustacheParent {
    func child(named name: String) -> Any? {
        name == "links" ? links : nil
    }
}

extension CardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "title": title
        case "titleHTML": titleHTML
        case "bodyHTML": bodyHTML
        case "sheet": sheet
        case "href": href
        case "classes": classes
        case "languageTabs": languageTabs
        case "hasLanguageTabs": hasLanguageTabs
        case "ownTab": ownTab
        case "twinTabs": twinTabs
        default: nil
        }
    }
}

extension LanguageTabView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "language": language
        case "own": own
        case "panelID": panelID
        case "bodyHTML": bodyHTML
        case "href": href
        case "sheetTitle": sheetTitle
        default: nil
        }
    }
}

extension SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "title": title
        case "titleHTML": titleHTML
        case "isTitled": isTitled
        case "hasPreamble": hasPreamble
        case "preambleHTML": preambleHTML
        case "cards": cards
        case "sectionCompareHref": sectionCompareHref
        case "classes": classes
        case "cardsClasses": cardsClasses
        default: nil
        }
    }
}

extension SheetPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "id": id
        case "title": title
        case "summary": summary
        case "leadHTML": leadHTML
        case "category": category
        case "updated": updated
        case "tags": tags
        case "verifiedCount": verifiedCount
        case "verifiedLabel": verifiedLabel
        case "hasRelated": hasRelated
        case "related": related
        case "comparisons": comparisons
        case "hasIntro": hasIntro
        case "introHTML": introHTML
        case "sections": sections
        case "verifiedWith": verifiedWith
        case "verifiedOn": verifiedOn
        case "isPage": isPage
        default: nil
        }
    }
}

extension IndexPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "sheetCount": sheetCount
        case "snippetCount": snippetCount
        case "summaryLine": summaryLine
        case "hasTags": hasTags
        case "tags": tags
        case "groups": groups
        default: nil
        }
    }
}

extension IndexPageView.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        case "sheets": sheets
        case "headingTag": headingTag
        default: nil
        }
    }
}

extension IndexPageView.SheetSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "summary": summary
        case "tags": tags
        case "tagSlugs": tagSlugs
        case "verifiedCount": verifiedCount
        case "verifiedLabel": verifiedLabel
        case "updated": updated
        case "kind": kind
        case "kindLabel": kindLabel
        case "pages": pages
        case "pagesLabel": pagesLabel
        default: nil
        }
    }
}

extension ComparePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "titles": titles
        case "inEach": inEach
        case "columns": columns
        case "rows": rows
        default: nil
        }
    }
}

extension ComparePageView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        name == "cells" ? cells : nil
    }
}

extension ComparePageView.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "cards": cards
        default: nil
        }
    }
}

extension MovedPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "target": target
        case "targetTitle": targetTitle
        default: nil
        }
    }
}
