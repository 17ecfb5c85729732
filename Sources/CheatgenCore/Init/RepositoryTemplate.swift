import CheatgenModel

/// The small files `cheatgen init` starts a content repository with, besides its first sheet
/// (`NewSheetAction.template`) and its CI workflow (`CIWorkflow`).
enum RepositoryTemplate {
    /// `cheatgen.yml`, every setting shown and explained, the optional ones commented out.
    static func configuration(title: String) -> String {
        """
        # cheatgen's settings for this repository. Every key is optional; see cheatgen's README.
        title: \(NewSheetAction.yamlQuoted(title))   # the site's title
        # base-url: https://example.org/docs/   # enables sitemap.xml and absolute links on 404.html
        # timeout: 10                         # a snippet's time limit when run, in seconds
        # swift:                              # settings only Swift snippets use
        #   flags: [-DDEBUG]                  # extra swiftc flags for every Swift snippet
        #   warnings: error                   # a compiler warning fails its snippet

        # Packages every sheet's snippets may import (a sheet can also declare its own):
        # dependencies:
        #   - url: https://github.com/apple/swift-algorithms
        #     from: 1.2.0
        #     products: [Algorithms]
        #   - path: ..                        # a package on disk, relative to this file
        #     products: [MyLibrary]

        """
    }

    static func gitignore(siteCommitted: Bool) -> String {
        var text = """
        # cheatgen's work folder: cached verdicts, compiled snippets (safe to delete)
        .cheatgen/

        """
        if !siteCommitted {
            text += """
            # the built site: CI builds and publishes it
            site/

            """
        }
        return text
    }

    static func readme(title: String, firstSheet: String, shards: Int, siteCommitted: Bool) -> String {
        """
        # \(title)

        Cheatsheets whose every example is verified: cheatgen compiles and
        runs each Swift, Python or JavaScript snippet in `content/` and checks what it prints against the
        `output` block under it, then builds a static site into `site/`.

        ```sh
        cheatgen serve                    # http://127.0.0.1:8000/, rebuilt on every save
        cheatgen new <id>                 # start content/<id>.md from a template
        cheatgen bless content/<id>.md    # write what changed snippets now print into their output blocks
        cheatgen check                    # verify everything, write nothing
        cheatgen build                    # verify, then write site/
        ```

        Start with `content/\(firstSheet).md`: it shows the format and its example passes.

        `.github/workflows/cheatgen.yml` verifies the sheets on \(shards) machines at once on every push
        and pull request, then builds the site from their verdicts\(siteCommitted ? ", checks that the committed `site/` is up to date," : "") and publishes it with
        GitHub Pages (set Settings → Pages → Source to "GitHub Actions").

        """
    }
}
