import Foundation

/// Counts read from the database at scrape time. They are written into that scrape's answer rather than into the
/// shared registry, so two scrapes at once (or two applications in one process, as the tests run) never show each
/// other's numbers.
struct DatabaseGauges {
    var queuedJobs: Int
    var failedMessages: Int
    var failedWebhookDeliveries: Int

    /// Prometheus text exposition of the three gauges.
    var exposition: String {
        [
            ("kabinet_job_queue_depth", "Jobs queued to run, now or after a retry delay", queuedJobs),
            ("kabinet_outbox_failed_messages", "Messages the outbox gave up on", failedMessages),
            ("kabinet_webhook_failed_deliveries", "Webhook deliveries that used up their attempts", failedWebhookDeliveries),
        ].map { name, help, value in "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value)\n" }.joined()
    }
}
