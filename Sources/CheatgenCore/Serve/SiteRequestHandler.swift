import FlyingFox
import Foundation

/// Serves the built site (as last swapped in, from memory: `ServedSite`), with live reload
/// added to HTML pages and a status endpoint the pages poll. Paths never leave the site, and
/// only requests addressed to the loopback name and port the server listens on are answered.
struct SiteRequestHandler: HTTPHandler {
    let site: ServedSite
    let state: LiveState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard site.accepts(host: request.headers[.host]) else {
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("cheatgen serve answers only requests for its own loopback address\n".utf8))
        }
        if request.path == LiveReload.statusPath {
            let body = "{\"generation\":\(state.generation),\"ok\":\(state.problems.isEmpty)}"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: Data(body.utf8))
        }
        guard let file = resolve(request.path), let data = site.file(file) else {
            return notFound()
        }
        return page(data, type: Self.contentType((file as NSString).pathExtension), status: .ok)
    }

    private func notFound() -> HTTPResponse {
        let data = site.file("404.html") ?? Data("Not found".utf8)
        return page(data, type: "text/html; charset=utf-8", status: .notFound)
    }

    private func page(_ data: Data, type: String, status: HTTPStatusCode) -> HTTPResponse {
        var body = data
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            body = Data(LiveReload.inject(into: html, problems: state.problems).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
    }

    /// The site-relative file for a URL path, or nil when the path tries to leave the site.
    func resolve(_ path: String) -> String? {
        // The HTTP layer gives "" for a target it could not parse as a URL: nothing to serve.
        guard path.hasPrefix("/") else { return nil }
        let decoded = path.removingPercentEncoding ?? path
        let relative = decoded.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !relative.contains(where: { $0 == ".." || $0.contains("\0") || $0.contains("\\") }) else { return nil }
        let joined = relative.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return site.hasIndex(in: joined) ? "\(joined)/index.html" : joined
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}
