import Fluent
import KabinetDomain
import Vapor

/// The organisation page: the company's tree with forms to add channels, agencies, agency agreements and offices,
/// to rename them and to deactivate an agency. Administrators only.
struct OrganisationAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let org = routes.grouped("admin", "organisation")
        org.get(use: show)
        org.post("channels", use: addChannel)
        org.post("agencies", use: addAgency)
        org.post("agreements", use: addAgreement)
        org.post("offices", use: addOffice)
        org.post("channels", ":id", "rename") { req in try await rename(req, SalesChannel.self) }
        org.post("agencies", ":id", "rename") { req in try await rename(req, Agency.self) }
        org.post("offices", ":id", "rename") { req in try await rename(req, Office.self) }
        org.post("agencies", ":id", "deactivate") { req in try await setActive(req, false) }
        org.post("agencies", ":id", "activate") { req in try await setActive(req, true) }
    }

    /// What the page shows: the tree, the choices of the add forms, and what was typed into a form that failed.
    struct PageContent: Encodable {
        struct Forms: Encodable {
            var channel = OrganisationForm.Channel()
            var agency = OrganisationForm.Agency()
            var agreement = OrganisationForm.Agreement()
            var office = OrganisationForm.Office()
        }

        struct Errors: Encodable {
            var channel: [String: String] = [:]
            var agency: [String: String] = [:]
            var agreement: [String: String] = [:]
            var office: [String: String] = [:]
        }

        var tree: OrganisationTree
        /// A form was refused: the page says so at the top, since the form may be below the fold.
        var hasErrors: Bool
        var channels: [SelectOption]
        var agencies: [SelectOption]
        var forms: Forms
        var errors: Errors
    }

    func show(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        return try await render(req)
    }

    func addChannel(req: Request) async throws -> Response {
        try await add(req, OrganisationForm.Channel.self, flash: "admin.org.channel_created",
            change: { try await $0.addChannel($1) },
            failed: { forms, errors, form, messages in forms.channel = form; errors.channel = messages })
    }

    func addAgency(req: Request) async throws -> Response {
        try await add(req, OrganisationForm.Agency.self, flash: "admin.org.agency_created",
            change: { try await $0.addAgency($1) },
            failed: { forms, errors, form, messages in forms.agency = form; errors.agency = messages })
    }

    func addAgreement(req: Request) async throws -> Response {
        try await add(req, OrganisationForm.Agreement.self, flash: "admin.org.agreement_created",
            change: { try await $0.addAgreement($1) },
            failed: { forms, errors, form, messages in forms.agreement = form; errors.agreement = messages })
    }

    func addOffice(req: Request) async throws -> Response {
        try await add(req, OrganisationForm.Office.self, flash: "admin.org.office_created",
            change: { try await $0.addOffice($1) },
            failed: { forms, errors, form, messages in forms.office = form; errors.office = messages })
    }

    /// One shape for every "add" form: decode, change, redirect with a flash; on bad input show the page again
    /// with the typed values and the messages next to the fields (422).
    private func add<Form: Vapor.Content, Created>(
        _ req: Request, _ type: Form.Type, flash: String,
        change: (OrganisationChanges, Form) async throws -> Created,
        failed: (inout PageContent.Forms, inout PageContent.Errors, Form, [String: String]) -> Void
    ) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await change(changes(req), form)
            return req.redirect(to: "/admin/organisation", flash: flash)
        } catch AppError.validation(let problems) {
            var forms = PageContent.Forms()
            var errors = PageContent.Errors()
            failed(&forms, &errors, form, req.messages(for: problems))
            return try await render(req, forms: forms, errors: errors, status: .unprocessableEntity)
        }
    }

    private func rename<Unit: OrganisationUnit>(_ req: Request, _ type: Unit.Type) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let unit = try await find(req, Unit.self)
        let form = try req.content.decode(OrganisationForm.Rename.self)
        do {
            try await changes(req).rename(unit, to: form.name)
            return req.redirect(to: "/admin/organisation", flash: "admin.saved")
        } catch AppError.validation(let problems) {
            let message = req.messages(for: problems)["name"] ?? req.t("error.validation")
            return try await render(req, renameError: .init(id: try unit.requireID(), message: message), status: .unprocessableEntity)
        }
    }

    private func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let agency = try await find(req, Agency.self)
        try await changes(req).setActive(agency, active)
        return req.redirect(to: "/admin/organisation", flash: active ? "admin.org.agency_activated" : "admin.org.agency_deactivated")
    }

    private func find<Unit: OrganisationUnit>(_ req: Request, _ type: Unit.Type) async throws -> Unit {
        guard let id = req.parameters.get("id", as: UUID.self), let unit = try await Unit.find(id, on: req.db) else {
            throw AppError.notFound
        }
        return unit
    }

    private func changes(_ req: Request) -> OrganisationChanges {
        OrganisationChanges(database: req.db, audit: req.audit, companyName: req.application.settings.companyName)
    }

    private func render(_ req: Request, forms: PageContent.Forms = .init(), errors: PageContent.Errors = .init(),
        renameError: OrganisationTree.RenameError? = nil, status: HTTPStatus = .ok) async throws -> Response
    {
        let tree = try await OrganisationTree.load(on: req.db, companyName: req.application.settings.companyName, renameError: renameError)
        let channels = tree.channels.map { SelectOption(value: $0.id.uuidString, label: "\($0.code) — \($0.name)") }
        let agencies = tree.channels.flatMap(\.agencies).sorted { $0.name < $1.name }
            .map { SelectOption(value: $0.id.uuidString, label: $0.isActive ? $0.name : "\($0.name) (\(req.t("admin.org.inactive")))") }
        return try await req.page("admin/organisation", title: "admin.organisation", PageContent(
            tree: tree, hasErrors: status == .unprocessableEntity, channels: channels, agencies: agencies, forms: forms, errors: errors),
            status: status)
    }
}
