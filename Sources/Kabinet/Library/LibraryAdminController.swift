import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Управление документами» for the back office: every version, retired ones included (the history), filterable
/// by category, status, title and family, paged; the upload form for a new document or a new version; «Снять с
/// использования». Uploading needs `documents.create`, retiring `documents.edit`.
struct LibraryAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("documents", "manage", use: list)
        routes.on(.POST, "documents", "manage", body: .collect(maxSize: "11mb"), use: upload)
        routes.post("documents", ":id", "retire", use: retire)
    }

    struct Filter: Content {
        var category: String?
        var status: String?
        var q: String?
        var family: String?
        var page: Int?
    }

    struct Row: Encodable {
        var tile: LibraryController.Tile
        var family: String
        var active: Bool
        var uploaded: String
        var retired: String?
    }

    struct Page: Encodable {
        var rows: [Row]
        var filter: Filter
        var paging: Paging.Links
        var form: LibraryUpload
        var errors: [String: String]
        var categories: [SelectOption]
        var filterCategories: [SelectOption]
        var statuses: [SelectOption]
        var canUpload: Bool
        var canRetire: Bool
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        guard LibraryAccess.mayManage(actor) else { throw AppError.forbidden }
        var form = LibraryUpload()
        if let family = req.query[String.self, at: "new_version"].flatMap(UUID.init(uuidString:)),
           let latest = try await LibraryDocument.query(on: req.db).filter(\.$familyID == family).sort(\.$uploadedAt, .descending).first() {
            form = LibraryUpload(title: latest.title, category: latest.category, family: family.uuidString)
        }
        return try await render(req, actor: actor, form: form)
    }

    func upload(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .documents)
        let form = (try? req.content.decode(LibraryUpload.self)) ?? LibraryUpload()
        switch try await form.check(on: req.db) {
        case .failure(let problems):
            var shown = form
            shown.file = nil
            return try await render(req, actor: actor, form: shown, problems: problems.problems, status: .unprocessableEntity)
        case .success(let checked):
            try await LibraryStore(database: req.db, audit: req.audit).add(checked, by: actor.login)
            return req.redirect(to: "/documents/manage", flash: "library.flash.uploaded")
        }
    }

    func retire(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .edit, in: .documents)
        guard let id = req.parameters.get("id", as: UUID.self), let document = try await LibraryDocument.find(id, on: req.db)
        else { throw AppError.notFound }
        guard document.isActive else { return req.redirect(to: "/documents/manage", flash: "library.flash.already_retired") }
        try await LibraryStore(database: req.db, audit: req.audit).retire(document, by: actor.login)
        return req.redirect(to: "/documents/manage", flash: "library.flash.retired")
    }

    private func render(_ req: Request, actor: Actor, form: LibraryUpload, problems: [FieldProblem] = [],
                        status: HTTPStatus = .ok) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let query = LibraryDocument.query(on: req.db)
        if let category = filter.category.flatMap(LibraryCategory.init(rawValue:)) { query.filter(\.$category == category.rawValue) }
        if filter.status == LibraryDocument.active || filter.status == LibraryDocument.retired { query.filter(\.$status == filter.status!) }
        if let family = filter.family.flatMap(UUID.init(uuidString:)) { query.filter(\.$familyID == family) }
        if let q = filter.q?.trimmed, !q.isEmpty { query.filter(\.$title ~~ q) }
        let total = try await query.count()
        let documents = try await query.sort(\.$category).sort(\.$title).sort(\.$uploadedAt, .descending)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        let anything = SelectOption(value: "", label: req.t("library.filter.all"))
        let categoryOptions = { (selected: String?) in
            LibraryCategory.allCases.map { SelectOption(value: $0.rawValue, label: req.t($0.titleKey), selected: $0.rawValue == selected) }
        }
        return try await req.page("library/manage", title: "library.manage.title", Page(
            rows: documents.map { document in
                Row(tile: LibraryController.tile(document, req: req), family: document.familyID.uuidString, active: document.isActive,
                    uploaded: MoscowTime.dateTime(document.uploadedAt) + " · " + document.uploadedBy,
                    retired: document.retiredAt.map { MoscowTime.dateTime($0) + " · " + (document.retiredBy ?? "") })
            },
            filter: filter, paging: paging.links(total: total, request: req), form: form, errors: req.messages(for: problems),
            categories: [SelectOption(value: "", label: req.t("contracts.choose"))] + categoryOptions(form.category),
            filterCategories: [anything] + categoryOptions(filter.category),
            statuses: [anything] + [LibraryDocument.active, LibraryDocument.retired].map {
                SelectOption(value: $0, label: req.t("library.status.\($0)"), selected: $0 == filter.status)
            },
            canUpload: actor.permissions.allows(.documents, .create), canRetire: actor.permissions.allows(.documents, .edit)),
            status: status)
    }
}
