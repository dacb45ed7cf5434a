import Foundation
import KabinetDomain
import Vapor

/// «Выгрузить в CSV» of a list: the whole filtered list (every page, in the list's order) in `CSVFormat`, as an
/// attachment named after the list and the Moscow day, never cached. Lines are streamed as the list's walk yields
/// them, so memory holds one chunk however long the list is.
enum CSVDownload {
    typealias Emit = @Sendable ([[String]]) async throws -> Void

    static func response(name: String, titles: [String], lines: @escaping @Sendable (Emit) async throws -> Void) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let file = "\(name)-\(MoscowTime.today().iso).csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let body = Response.Body(managedAsyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(string: CSVFormat.byteOrderMark + CSVFormat.header(titles)))
            try await lines { chunk in
                try await writer.writeBuffer(ByteBuffer(string: chunk.map(CSVFormat.line).joined()))
            }
        })
        return Response(status: .ok, headers: headers, body: body)
    }
}

extension Request {
    /// The current URL with some query parameters replaced (nil removes one) and optionally another path, so a
    /// column header, a page link or the export keeps the list's filters.
    func link(path: String? = nil, replacing: [String: String?]) -> String {
        var items = (URLComponents(string: url.string)?.queryItems ?? []).filter { replacing[$0.name] == nil }
        for (name, value) in replacing.sorted(by: { $0.key < $1.key }) {
            if let value { items.append(URLQueryItem(name: name, value: value)) }
        }
        var components = URLComponents()
        components.path = path ?? url.path
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? components.path
    }

    /// The export of the list on this page with its filters (without the page).
    func exportLink(_ path: String) -> String {
        link(path: path, replacing: ["page": nil, "size": nil])
    }
}
