import Fluent
import SQLKit
import Vapor

/// `/health` for load balancers and `/metrics` for Prometheus.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
        routes.get("metrics", use: metrics)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    /// Answers 200 only when the database answers a query, so a balancer stops sending traffic to a broken instance.
    func health(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            _ = try await sql.raw("SELECT 1 AS ok").first()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("Health check failed: \(error)")
            return try await Health(status: "fail", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }

    func metrics(req: Request) async throws -> Response {
        if let expected = req.application.settings.metricsToken {
            guard let sent = req.headers.bearerAuthorization?.token, SecretToken.constantTimeEquals(sent, expected) else {
                throw Abort(.unauthorized)
            }
        }
        let gauges = DatabaseGauges(
            queuedJobs: try await Job.query(on: req.db).filter(\.$status == Job.Status.queued.rawValue).count(),
            failedMessages: try await OutboxMessage.query(on: req.db)
                .filter(\.$status == OutboxMessage.Status.failed.rawValue).count(),
            failedWebhookDeliveries: try await WebhookDelivery.query(on: req.db)
                .filter(\.$status == WebhookDelivery.Status.failed.rawValue).count())
        let response = Response(status: .ok, body: .init(string: KabinetMetrics.registry.emitToString() + gauges.exposition))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}
