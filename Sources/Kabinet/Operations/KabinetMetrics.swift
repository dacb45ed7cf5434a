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
        registry.makeCounter(descriptor: jobsFinished, labels: [("kind", kind), ("outcome", outcome)]).increment()
    }

    static func outboxFailed(channel: String) {
        registry.makeCounter(descriptor: outboxFailures, labels: [("channel", channel)]).increment()
    }

    // Computed: the descriptor type is not Sendable, so no instance is shared between threads.
    private static var jobsFinished: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kabinet", metricName: "jobs_finished", unitName: "total",
                             helpText: "Background jobs finished, by kind and outcome (done, or failed after the last attempt)")
    }

    private static var outboxFailures: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kabinet", metricName: "outbox_failures", unitName: "total",
                             helpText: "Failed delivery attempts of e-mails and SMS, by channel")
    }
}
