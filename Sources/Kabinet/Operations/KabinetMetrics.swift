import CoreMetrics
import Foundation
import Prometheus

/// The process's Prometheus registry. Vapor records requests by route, method and status with their latency
/// through swift-metrics; bootstrapping it with this registry makes them appear at /metrics next to ours.
enum KabinetMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// swift-metrics may be bootstrapped once per process; tests start many applications in one process.
    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    static func bootstrap() {
        _ = bootstrapped
    }

    static func jobFinished(kind: String, outcome: String) {
        registry.makeCounter(name: "kabinet_jobs_finished_total", labels: [("kind", kind), ("outcome", outcome)]).increment()
    }

    static func outboxFailed(channel: String) {
        registry.makeCounter(name: "kabinet_outbox_failures_total", labels: [("channel", channel)]).increment()
    }

    static func setQueueDepth(_ value: Int) {
        registry.makeGauge(name: "kabinet_job_queue_depth").set(to: Double(value))
    }

    static func setOutboxFailed(_ value: Int) {
        registry.makeGauge(name: "kabinet_outbox_failed_messages").set(to: Double(value))
    }
}
