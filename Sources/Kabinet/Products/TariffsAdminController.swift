import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Тарифы»: every product with its stored versions, the upload of a new tariff file, and each stored file for
/// download (the usual start of a new version). Administrators only.
struct TariffsAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "tariffs", use: list)
        routes.on(.POST, "admin", "tariffs", body: .collect(maxSize: "2mb"), use: upload)
        routes.get("admin", "tariffs", "versions", ":id", use: download)
    }

    struct VersionRow: Encodable {
        var id: UUID
        var version: String
        var validFrom: String
        var source: String
        var uploadedBy: String
        var createdAt: String
        /// The version new quotes use today.
        var current: Bool
    }

    struct ProductGroup: Encodable {
        var code: String
        var name: String
        var versions: [VersionRow]
    }

    struct Content: Encodable {
        var products: [ProductGroup]
        var issues: [String]
        var fileName: String?
    }

    struct UploadForm: Vapor.Content {
        var file: File?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        return try await render(req)
    }

    func upload(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(UploadForm.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await render(req, issues: [req.t("tariffs.choose_file")], status: .unprocessableEntity)
        }
        switch try await TariffUpload.upload(Data(buffer: file.data), actor: actor, on: req) {
        case .success:
            return req.redirect(to: "/admin/tariffs", flash: "tariffs.uploaded")
        case .failure(let rejection):
            let issues = rejection.issues.map { req.application.localization.message($0, locale: req.locale) }
            return try await render(req, issues: issues, fileName: file.filename, status: .unprocessableEntity)
        }
    }

    /// The stored file exactly as loaded.
    func download(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        guard let id = req.parameters.get("id", as: UUID.self), let row = try await ProductVersion.find(id, on: req.db) else {
            throw AppError.notFound
        }
        let response = Response(status: .ok, body: .init(string: row.definition))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "\(row.code)-\(row.version).json")
        return response
    }

    private func render(_ req: Request, issues: [String] = [], fileName: String? = nil, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let catalog = try await ProductCatalogStore.catalog(req.application)
        let today = QuoteService(request: req).today()
        let rows = try await ProductVersion.query(on: req.db).sort(\.$code).sort(\.$createdAt).all()
        var groups: [ProductGroup] = []
        for (code, versions) in Dictionary(grouping: rows, by: \.code) {
            let inForce = catalog.product(code, on: today)
            let newest = versions.last
            groups.append(ProductGroup(
                code: code, name: inForce.map { ProductsNavigation.name($0, req: req) } ?? newest?.name ?? code,
                versions: try versions.map { row in
                    let definition = catalog.product(code, version: row.version)
                    return VersionRow(
                        id: try row.requireID(), version: row.version, validFrom: definition?.validFrom.russian ?? "—",
                        source: req.t("tariffs.source.\(row.source.rawValue)"), uploadedBy: row.uploadedBy ?? "—",
                        createdAt: MoscowTime.dateTime(row.createdAt), current: inForce?.version == row.version)
                }))
        }
        let order = Dictionary(uniqueKeysWithValues: catalog.products(on: today).enumerated().map { ($1.code, $0) })
        groups.sort { (order[$0.code] ?? Int.max, $0.code) < (order[$1.code] ?? Int.max, $1.code) }
        return try await req.page("admin/tariffs", title: "tariffs.title", Content(products: groups, issues: issues, fileName: fileName),
            status: status)
    }
}
