import Fluent
import Foundation
import Vapor

/// «Уведомления внешних систем» (administrators): the endpoints, a form to add one (its secret is shown once),
/// a test event, removal, and the latest deliveries with how each went.
struct WebhooksAdminController: RouteCollection {
    static let recentDeliveries = 50

    func boot(routes: any RoutesBuilder) throws {
        let webhooks = routes.grouped("admin", "webhooks")
        webhooks.get(use: list)
        webhooks.post(use: create)
        webhooks.post(":id", "test", use: test)
        webhooks.post(":id", "delete", use: delete)
        webhooks.post("deliveries", ":id", "retry", use: retry)
    }

    struct Form: Content {
        var name: String?
        var url: String?
        var events: [String]?

        /// A new address hears of everything until the administrator says otherwise.
        static var blank: Form { Form(events: WebhookEvents.subscribable.map(\.rawValue)) }
    }

    struct EventOption: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct EndpointRow: Encodable {
        var id: UUID
        var name: String
        var url: String
        var events: [String]
        var created: String
    }

    struct DeliveryRow: Encodable {
        var id: UUID
        var time: String
        var endpoint: String
        var event: String
        var status: String
        var statusLabel: String
        var attempts: Int
        var responseCode: Int?
        var lastError: String?
        var canRetry: Bool
    }

    struct NewSecret: Encodable {
        var name: String
        var secret: String
    }

    struct ListContent: Encodable {
        var endpoints: [EndpointRow]
        var deliveries: [DeliveryRow]
        var form: Form
        var eventOptions: [EventOption]
        var errors: [String: String]
        var created: NewSecret?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        return try await render(req, form: .blank, errors: [:])
    }

    /// Answers with the page itself: the secret must not travel through a cookie or a URL, and the page is
    /// marked not to be stored.
    func create(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(Form.self)
        do {
            let created = try await endpoints(req, actor).create(name: form.name, url: form.url, events: form.events ?? [])
            let response = try await render(req, form: .blank, errors: [:],
                                            created: NewSecret(name: created.endpoint.name, secret: created.secret))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch AppError.validation(let problems) {
            return try await render(req, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func test(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        try await WebhookEvents.ping(try await endpoint(req), on: req.db)
        return req.redirect(to: "/admin/webhooks", flash: "webhooks.test_queued")
    }

    func delete(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireCompanyAdmin(req)
        try await endpoints(req, actor).delete(try await endpoint(req))
        return req.redirect(to: "/admin/webhooks", flash: "webhooks.deleted")
    }

    /// «Повторить» on a delivery that used up its attempts, once the receiving system works again.
    func retry(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        guard let id = req.parameters.get("id", as: UUID.self), try await WebhookEvents.retry(id, on: req.db) else {
            throw AppError.notFound
        }
        return req.redirect(to: "/admin/webhooks", flash: "webhooks.retried")
    }

    private func endpoints(_ req: Request, _ actor: Actor) -> WebhookEndpoints {
        WebhookEndpoints(database: req.db, audit: req.audit, actor: actor, secrets: req.application.secretBox)
    }

    private func endpoint(_ req: Request) async throws -> WebhookEndpoint {
        guard let id = req.parameters.get("id", as: UUID.self), let endpoint = try await WebhookEndpoint.find(id, on: req.db)
        else { throw AppError.notFound }
        return endpoint
    }

    private func render(_ req: Request, form: Form, errors: [String: String], created: NewSecret? = nil,
                        status: HTTPStatus = .ok) async throws -> Response {
        let endpoints = try await WebhookEndpoint.query(on: req.db).sort(\.$createdAt).all()
        let names = Dictionary(uniqueKeysWithValues: endpoints.compactMap { endpoint in endpoint.id.map { ($0, endpoint.name) } })
        let deliveries = try await WebhookDelivery.query(on: req.db).sort(\.$createdAt, .descending)
            .limit(Self.recentDeliveries).all()
        let content = ListContent(
            endpoints: try endpoints.map {
                EndpointRow(id: try $0.requireID(), name: $0.name, url: $0.url,
                            events: $0.events.map { req.t("webhooks.event.\($0)") },
                            created: $0.createdAt.map(MoscowTime.dateTime) ?? "")
            },
            deliveries: try deliveries.map {
                DeliveryRow(id: try $0.requireID(), time: MoscowTime.dateTime($0.createdAt), endpoint: names[$0.endpointID] ?? "—",
                            event: $0.event, status: $0.status, statusLabel: req.t("webhooks.status.\($0.status)"),
                            attempts: $0.attempts, responseCode: $0.responseCode, lastError: $0.lastError,
                            canRetry: $0.status == WebhookDelivery.Status.failed.rawValue)
            },
            form: form,
            eventOptions: WebhookEvents.subscribable.map {
                EventOption(value: $0.rawValue, label: req.t("webhooks.event.\($0.rawValue)"),
                            checked: form.events?.contains($0.rawValue) == true)
            },
            errors: errors, created: created)
        return try await req.page("admin/webhooks", title: "webhooks.title", content, status: status)
    }
}
