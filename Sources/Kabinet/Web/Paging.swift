import Vapor

/// Page number and size from the query string, bounded so a hand-edited URL cannot ask for a million rows.
struct Paging: Sendable {
    var page: Int
    var size: Int
    var offset: Int { (page - 1) * size }

    init(page: Int?, size: Int? = nil, defaultSize: Int = 25) {
        self.page = max(1, page ?? 1)
        self.size = min(200, max(1, size ?? defaultSize))
    }

    /// What a template needs to draw «‹ 1 2 … ›» links.
    struct Links: Encodable {
        var page: Int
        var pages: Int
        var total: Int
        var previous: String?
        var next: String?
    }

    /// Builds the links, keeping the other query parameters of the current URL.
    func links(total: Int, request: Request) -> Links {
        let pages = max(1, (total + size - 1) / size)
        func url(_ number: Int) -> String {
            var items = URLComponents(string: request.url.string)?.queryItems ?? []
            items.removeAll { $0.name == "page" }
            items.append(URLQueryItem(name: "page", value: String(number)))
            var components = URLComponents()
            components.path = request.url.path
            components.queryItems = items
            return components.string ?? request.url.path
        }
        return Links(
            page: page, pages: pages, total: total,
            previous: page > 1 ? url(page - 1) : nil, next: page < pages ? url(page + 1) : nil)
    }
}
