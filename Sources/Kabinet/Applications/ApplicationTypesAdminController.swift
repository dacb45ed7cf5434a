import Fluent
import KabinetDomain
import Vapor

/// «Типы заявлений» for the back office's administrators: name, the form's fields, the sales channels that may use
/// the type, whether it needs a signed contract, what completing it does, active or not. Every change is audited.
struct ApplicationTypesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("admin", "application-types")
        group.get(use: list)
        group.get("new", use: new)
        group.post(use: create)
        group.get(":id", use: edit)
        group.post(":id", use: update)
    }

    struct Row: Encodable {
        var id: UUID
        var name: String
        var fields: Int
        var channels: String
        var active: Bool
    }

    struct FormContent: Encodable {
        var id: UUID?
        var form: ApplicationTypeForm
        var channels: [SelectOption]
        var effects: [SelectOption]
        var errors: [String: String]
        var personalKeys: String
    }

    func list(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .manage, in: .applications)
        let channels = try await SalesChannel.query(on: req.db).all()
        let names = Dictionary(uniqueKeysWithValues: channels.compactMap { channel in channel.id.map { ($0, channel.name) } })
        let rows = try await ApplicationType.query(on: req.db).sort(\.$name).all().map { type in
            Row(id: try type.requireID(), name: type.name, fields: type.fields.count,
                channels: type.channelIDs.compactMap { names[$0] }.joined(separator: ", "), active: type.active)
        }
        return try await req.page("applications/types", title: "applications.types", rows)
    }

    func new(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .manage, in: .applications)
        var form = ApplicationTypeForm()
        form.active = "1"
        return try await render(req, id: nil, form: form, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .manage, in: .applications)
        let form = try req.content.decode(ApplicationTypeForm.self)
        let checked: ApplicationTypeForm.Checked
        do {
            checked = try form.check(channelIDs: try await channelIDs(req))
        } catch AppError.validation(let problems) {
            return try await render(req, id: nil, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
        let type = ApplicationType(name: checked.name, fields: checked.fields, channelIDs: checked.channelIDs,
                                   effect: checked.effect, signedOnly: form.signedOnly != nil, active: form.active != nil)
        try await req.db.transaction { db in
            try await type.create(on: db)
            try await req.audit.on(db).record("application_type.created", entity: "application_type", id: type.id?.uuidString,
                                              summary: "Тип заявления «\(type.name)» создан", after: ApplicationType.Snapshot(type))
        }
        return req.redirect(to: "/admin/application-types", flash: "admin.saved")
    }

    func edit(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .manage, in: .applications)
        let type = try await find(req)
        return try await render(req, id: type.id, form: ApplicationTypeForm(type), errors: [:])
    }

    func update(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .manage, in: .applications)
        let type = try await find(req)
        let form = try req.content.decode(ApplicationTypeForm.self)
        let checked: ApplicationTypeForm.Checked
        do {
            checked = try form.check(channelIDs: try await channelIDs(req))
        } catch AppError.validation(let problems) {
            return try await render(req, id: type.id, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
        let before = ApplicationType.Snapshot(type)
        type.name = checked.name
        type.fields = checked.fields
        type.channelIDs = checked.channelIDs
        type.effect = checked.effect.rawValue
        type.signedOnly = form.signedOnly != nil
        type.active = form.active != nil
        try await req.db.transaction { db in
            try await type.save(on: db)
            try await req.audit.on(db).record("application_type.updated", entity: "application_type", id: type.id?.uuidString,
                                              summary: "Тип заявления «\(type.name)» изменён", before: before,
                                              after: ApplicationType.Snapshot(type))
        }
        return req.redirect(to: "/admin/application-types", flash: "admin.saved")
    }

    private func render(_ req: Request, id: UUID?, form: ApplicationTypeForm, errors: [String: String],
                        status: HTTPStatus = .ok) async throws -> Response {
        let chosen = Set(form.channels ?? [])
        let channels = try await SalesChannel.query(on: req.db).sort(\.$name).all().compactMap { channel in
            channel.id.map { SelectOption(value: $0.uuidString, label: channel.name, selected: chosen.contains($0.uuidString)) }
        }
        let effects = ApplicationEffect.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t($0.messageKey), selected: (form.effect ?? "none") == $0.rawValue)
        }
        return try await req.page("applications/type_form", title: id == nil ? "applications.types.new" : "applications.types.edit",
                                  FormContent(id: id, form: form, channels: channels, effects: effects, errors: errors,
                                              personalKeys: PersonalDataField.allCases.map(\.rawValue).joined(separator: ", ")),
                                  status: status)
    }

    private func find(_ req: Request) async throws -> ApplicationType {
        guard let id = req.parameters.get("id", as: UUID.self), let type = try await ApplicationType.find(id, on: req.db)
        else { throw AppError.notFound }
        return type
    }

    private func channelIDs(_ req: Request) async throws -> [UUID] {
        try await SalesChannel.query(on: req.db).all().compactMap(\.id)
    }
}
