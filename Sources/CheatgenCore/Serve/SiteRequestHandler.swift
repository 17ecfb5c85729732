import FlyingFox
import Foundation

/// Serves the built site from disk, with live reload added to HTML pages and a status
/// endpoint the pages poll. Paths never leave the site folder.
struct SiteRequestHandler: HTTPHandler {
    let root: URL
    let state: LiveState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == LiveReload.statusPath {
            let body = "{\"generation\":\(state.generation),\"ok\":\(state.problems.isEmpty)}"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: Data(body.utf8))
        }
        guard let file = resolve(request.path) else {
            return try notFound()
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return try notFound() }
        return page(data, type: Self.contentType(file.pathExtension), status: .ok)
    }

    private func notFound() throws -> HTTPResponse {
        let data = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("Not found".utf8)
        return page(data, type: "text/html; charset=utf-8", status: .notFound)
    }

    private func page(_ data: Data, type: String, status: HTTPStatusCode) -> HTTPResponse {
        var body = data
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            body = Data(LiveReload.inject(into: html, problems: state.problems).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
    }

    /// The file for a URL path, or nil when there is none inside the site.
    func resolve(_ path: String) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        var relative = decoded.split(separator: "/").map(String.init)
        guard !relative.contains(where: { $0 == ".." || $0.contains("\0") }) else { return nil }
        if relative.isEmpty { relative = ["index.html"] }
        var url = root
        for part in relative { url.appendPathComponent(part) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        let standardized = url.standardizedFileURL.path
        guard standardized.hasPrefix(root.standardizedFileURL.path + "/"), FileManager.default.fileExists(atPath: standardized) else { return nil }
        return URL(fileURLWithPath: standardized)
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
