/// What `cheatgen serve` adds to every HTML page it serves (never to the built files):
/// a script that reloads the page after each rebuild, and a banner with the diagnostics of a
/// build that failed.
enum LiveReload {
    static let statusPath = "/__cheatgen/status"

    static let script = """
    (function () {
      var seen = null;
      function poll() {
        fetch("\(statusPath)", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
          if (seen !== null && s.generation !== seen) { location.reload(); return; }
          seen = s.generation;
          setTimeout(poll, 400);
        }).catch(function () { setTimeout(poll, 1000); });
      }
      poll();
    })();
    """

    static func inject(into html: String, problems: [String]) -> String {
        var addition = "<script>\(script)</script>\n"
        if !problems.isEmpty {
            let text = problems.map(HTML.escape).joined(separator: "\n")
            addition += """
            <div id="cheatgen-problems" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:1000;\
            margin:0;padding:12px 16px;background:#5c0011;color:#fff;font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap;\
            box-shadow:0 -2px 8px rgba(0,0,0,.4)"><strong>cheatgen: the last build failed; this page is from the build before.</strong>
            \(text)</div>

            """
        }
        if let range = html.range(of: "</body>", options: .backwards) {
            return html.replacingCharacters(in: range, with: addition + "</body>")
        }
        return html + addition
    }
}

import Foundation
import CheatgenModel
