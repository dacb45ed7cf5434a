import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Operations, errors, language, settings")
struct OperationsTests {
    @Test("/health answers ok when the database answers")
    func health() async throws {
        try await withKabinet { app in
            let response = try await Browser(app).get("/health", accept: "application/json")
            #expect(response.status == .ok)
            #expect(response.text.contains("\"status\":\"ok\""))
        }
    }

    @Test("/metrics exposes the job queue depth in Prometheus format")
    func metrics() async throws {
        try await withKabinet { app in
            try await app.jobs.enqueue("test.anything", NoPayload(), runAt: Date().addingTimeInterval(3600))
            let response = try await Browser(app).get("/metrics", accept: "text/plain")
            #expect(response.status == .ok)
            #expect(response.text.contains("kabinet_job_queue_depth 1"))
            #expect(response.headers.contentType?.subType == "plain")
        }
    }

    @Test("With a metrics token configured, /metrics needs it")
    func metricsToken() async throws {
        try await withKabinet(settings: try testSettings(["KABINET_METRICS_TOKEN": "scrape-secret"])) { app in
            #expect(try await Browser(app).get("/metrics", accept: "text/plain").status == .unauthorized)
            let response = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer scrape-secret"])
            #expect(response.status == .ok)
        }
    }

    @Test("An unknown page gets a friendly 404 page in Russian that leaks nothing")
    func notFound() async throws {
        try await withKabinet { app in
            let response = try await Browser(app).get("/no/such/page")
            #expect(response.status == .notFound)
            #expect(response.text.contains("Страница не найдена"))
            let api = try await Browser(app).get("/api/v1/nothing", accept: "application/json")
            #expect(api.headers.contentType?.subType == "problem+json")
        }
    }

    @Test("English is one click away and remembered")
    func english() async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.get("/login")
            let switched = try await browser.post("/language", [("locale", "en"), ("back", "/login")])
            #expect(switched.location == "/login")
            let page = try await browser.get("/login")
            #expect(page.text.contains("Remember me"))
            #expect(page.text.contains("lang=\"en\""))
            let wrong = try await browser.login("agent", password: "bad-password-1")
            #expect(wrong.text.contains("Wrong login or password"))
        }
    }

    @Test("Every Russian text has an English one and the other way round")
    func localisationComplete() async throws {
        try await withKabinet(demo: false) { app in
            #expect(app.localization.keys(locale: "ru") == app.localization.keys(locale: "en"))
        }
    }

    @Test("Bad configuration stops the start with the whole list of problems")
    func badSettings() throws {
        #expect(throws: Settings.Invalid.self) {
            try Settings.load(environment: .testing, variables: ["KABINET_MAIL_TRANSPORT": "smtp", "KABINET_WORKERS": "maybe"])
        }
        do {
            _ = try Settings.load(environment: .testing, variables: ["KABINET_MAIL_TRANSPORT": "smtp", "KABINET_WORKERS": "maybe"])
        } catch let error as Settings.Invalid {
            #expect(error.problems.count == 2)
            #expect(error.description.contains("SMTP_HOST"))
            #expect(error.description.contains("KABINET_WORKERS"))
        }
    }

    @Test("Production defaults: SMTP transport, no demo data, no development mailbox")
    func productionDefaults() throws {
        let settings = try Settings.load(environment: .production, variables: [
            "SMTP_HOST": "smtp.example.ru", "SMS_GATEWAY_URL": "https://sms.example.ru/send",
        ])
        #expect(settings.mailTransport == .smtp)
        #expect(!settings.loadDemoData)
        #expect(!settings.developmentMailboxEnabled)
        #expect(settings.smtp?.port == 587)
    }
}
