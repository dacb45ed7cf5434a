import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// «Документы»: the forms and templates in force as tiles, by category («Документы ▾» links here with
/// `?category=`), searchable by title and paged, under the seed's «Актуальность бланков…» notice. Downloads are
/// counted. Retired versions are offered to nobody but the back office, who gets them from the history.
struct LibraryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("documents", use: index)
        routes.get("documents", ":id", "download", use: download)
    }

    struct Filter: Content {
        var category: String?
        var q: String?
        var page: Int?
    }

    struct CategoryTile: Encodable {
        var code: String
        var title: String
        var description: String
        var count: Int
        var active: Bool
    }

    struct Tile: Encodable {
        var id: String
        var title: String
        var category: String
        var version: String
        var date: String
        var size: String
        var downloads: Int
    }

    struct Page: Encodable {
        var categories: [CategoryTile]
        var documents: [Tile]
        var filter: Filter
        var categoryTitle: String?
        var paging: Paging.Links
        var canManage: Bool
    }

    func index(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .documents)
        let filter = try req.query.decode(Filter.self)
        let category = filter.category.flatMap(LibraryCategory.init(rawValue:))
        let paging = Paging(page: filter.page, defaultSize: 24)
        let active = try await LibraryDocument.query(on: req.db).filter(\.$status == LibraryDocument.active).all()
        let counts = Dictionary(grouping: active, by: \.category).mapValues(\.count)
        var shown = active.filter { category == nil || $0.category == category?.rawValue }
        if let q = filter.q?.trimmed.lowercased(), !q.isEmpty { shown = shown.filter { $0.title.lowercased().contains(q) } }
        let order = Dictionary(uniqueKeysWithValues: LibraryCategory.allCases.enumerated().map { ($1.rawValue, $0) })
        shown.sort { (order[$0.category] ?? 99, $0.title) < (order[$1.category] ?? 99, $1.title) }
        let page = shown.dropFirst(paging.offset).prefix(paging.size)
        return try await req.page("library/index", title: "library.title", Page(
            categories: LibraryCategory.allCases.map {
                CategoryTile(code: $0.rawValue, title: req.t($0.titleKey), description: req.t($0.descriptionKey),
                             count: counts[$0.rawValue] ?? 0, active: $0 == category)
            },
            documents: page.map { Self.tile($0, req: req) }, filter: filter, categoryTitle: category.map { req.t($0.titleKey) },
            paging: paging.links(total: shown.count, request: req), canManage: LibraryAccess.mayManage(actor)))
    }

    /// The file, counted. One UPDATE adds one, so simultaneous downloads are all counted.
    func download(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .documents)
        guard let id = req.parameters.get("id", as: UUID.self), let document = try await LibraryDocument.find(id, on: req.db),
              document.isActive || LibraryAccess.mayManage(actor),
              let file = try await StoredFile.find(document.fileID, on: req.db)
        else { throw AppError.notFound }
        if let sql = req.db as? any SQLDatabase {
            try await sql.raw("UPDATE library_documents SET downloads = downloads + 1 WHERE id = \(bind: id)").run()
        }
        return file.download()
    }

    static func tile(_ document: LibraryDocument, req: Request) -> Tile {
        Tile(id: document.id?.uuidString ?? "", title: document.title,
             category: LibraryCategory(rawValue: document.category).map { req.t($0.titleKey) } ?? document.category,
             version: document.version, date: CalendarDate(document.issuedOn)?.russian ?? document.issuedOn,
             size: LibraryAccess.size(document.size, req: req), downloads: document.downloads)
    }
}

/// Who manages the library: `documents.create` uploads, `documents.edit` retires and sees the history.
enum LibraryAccess {
    static func mayManage(_ actor: Actor) -> Bool {
        actor.permissions.allows(.documents, .create) || actor.permissions.allows(.documents, .edit)
    }

    /// «245 КБ», «1,2 МБ» (in English «245 KB», «1.2 MB»).
    static func size(_ bytes: Int, req: Request) -> String {
        if bytes < 1024 * 1024 { return req.t("library.size.kb", String(max(1, (bytes + 1023) / 1024))) }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        let separator = req.locale == "en" ? "." : ","
        return req.t("library.size.mb", "\(tenths / 10)\(separator)\(tenths % 10)")
    }
}
