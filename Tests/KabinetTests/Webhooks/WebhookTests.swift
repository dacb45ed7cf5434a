import Crypto
import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// Webhooks: the administrator adds an address of the company's core system; issuing and changing contracts
/// sends it signed JSON events, retried until it answers 2xx.
@Suite("Webhooks: contract events to the company's systems")
struct WebhookTests {
    static func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    static let everyEvent = WebhookEvents.subscribable.map(\.rawValue)

    /// Reads a body with the types generated from the OpenAPI document's `webhooks`: required fields, their types
    /// and the listed words are checked, so what is sent is what the document promises.
    static func documented<Body: Decodable>(_ type: Body.Type, _ body: String) throws -> Body {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Body.self, from: Data(body.utf8))
    }

    static func endpoint(_ app: Application, url: String, events: [String] = everyEvent) async throws -> WebhookEndpoint {
        let admin = try await app.user("admin")
        let actor = try await ActorLoader.load(admin, sessionID: nil, on: app.db)
        return try await WebhookEndpoints(database: app.db, audit: .system(app.db), actor: actor, secrets: app.secretBox)
            .create(name: "Ядро", url: url, events: events).endpoint
    }

    @Test("The signature is HMAC-SHA256 in hex (RFC 4231 case 2)")
    func signatureVector() {
        #expect(BodySignature(secret: "Jefe").signature(of: "what do ya want for nothing?")
            == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("Every event, action and application status the portal sends is one the OpenAPI document lists")
    func vocabularyIsDocumented() throws {
        typealias ContractEvent = Components.Schemas.WebhookContractEvent
        typealias ApplicationEvent = Components.Schemas.WebhookApplicationEvent
        let contractActions = ContractActionKind.allCases.map(\.rawValue) + [ContractHistoryEntry.edited, PersonalDataEffect.historyAction]
        #expect(Set(contractActions) == Set(ContractEvent.ActionPayload.allCases.map(\.rawValue)))
        let applicationActions = ApplicationAction.allCases.map(\.rawValue) + ["filed", "assigned"]
        #expect(Set(applicationActions) == Set(ApplicationEvent.ActionPayload.allCases.map(\.rawValue)))
        #expect(ApplicationStatus.allCases.map(\.rawValue) == Components.Schemas.WebhookApplication.StatusPayload.allCases.map(\.rawValue))
        let documentedEvents = ContractEvent.EventPayload.allCases.map(\.rawValue) + ApplicationEvent.EventPayload.allCases.map(\.rawValue)
            + Components.Schemas.WebhookPing.EventPayload.allCases.map(\.rawValue)
        #expect(documentedEvents == WebhookEvents.Event.allCases.map(\.rawValue))
        // the document's `webhooks` section names the same events
        let document = try String(contentsOfFile: BundledResources.root + "openapi.yaml", encoding: .utf8)
        let section = try #require(document.components(separatedBy: "\nwebhooks:\n").last?.components(separatedBy: "\ncomponents:\n").first)
        let names = section.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.map { String($0.dropFirst(2).dropLast()) }
        #expect(names == WebhookEvents.Event.allCases.map(\.rawValue))
        #expect(throws: WebhookVocabulary.Undocumented.self) { try WebhookVocabulary.documented(ContractEvent.ActionPayload.self, "deleted") }
    }

    @Test("An address added on the admin page hears of a contract issued, edited and cancelled, signed with the secret shown once")
    func contractEventsReachTheCoreSystem() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            // given the administrator adds the core system's address
            let admin = Browser(app)
            try await admin.login("admin")
            #expect(try await admin.get("/admin/webhooks").text.components(separatedBy: "data-testid=\"webhook-event\"").count - 1
                == Self.everyEvent.count, "every event is offered")
            let added = try await admin.post("/admin/webhooks", [
                ("name", "ОС Борлас"), ("url", receiver.url),
                ("events[]", "contract.created"), ("events[]", "contract.changed"),
            ])
            #expect(added.status == .ok && added.headers.first(name: .cacheControl) == "no-store")
            let secret = try PageText.element("webhook-secret", in: added.text)
            #expect(secret.count >= 40)
            #expect(!(try await admin.get("/admin/webhooks").text.contains(secret)), "the secret is shown once")
            let stored = try #require(try await WebhookEndpoint.query(on: app.db).first())
            #expect(!stored.sealedSecret.contains(secret), "stored encrypted with the installation's key")
            #expect(try app.secretBox.open(stored.sealedSecret) == secret)
            let audit = try await app.auditEntries("webhook.created")
            #expect(audit.count == 1 && !(audit[0].after ?? "").contains(secret) && !audit[0].summary.contains(secret))

            // when an agent issues a contract, corrects the client's e-mail and cancels it
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await ContractExample.issue(agent)
            let edited = try await agent.post("\(path)/edit", ContractExample.form(quote: nil, ["insured[0][contacts][email]": "new@mail.ru"]))
            #expect(edited.status == .seeOther)
            #expect(try await agent.post("\(path)/status/cancel", [("reason", "Клиент передумал")]).status == .seeOther)
            try await app.drainJobs()

            // then the address got the three events, in order, each signed over its timestamp and body
            let contract = try await app.contract(path)
            let received = receiver.received
            try #require(received.count == 3)
            #expect(try Self.json(received[1].body)["action"] as? String == "edited")
            for request in received {
                let event = try Self.documented(Components.Schemas.WebhookContractEvent.self, request.body)
                #expect(event.contract.id == contract.id?.uuidString)
                let timestamp = try #require(request.headers.first(name: "X-Kabinet-Timestamp"))
                #expect(request.headers.first(name: "X-Kabinet-Signature")
                    == BodySignature(secret: secret).signature(of: timestamp + "." + request.body))
                #expect(BodySignature(secret: "другой").signature(of: timestamp + "." + request.body)
                    != request.headers.first(name: "X-Kabinet-Signature"))
                #expect(request.headers.first(name: .contentType)?.hasPrefix("application/json") == true)
            }
            let created = try Self.json(received[0].body)
            let cancelled = try Self.json(received[2].body)
            #expect(created["event"] as? String == "contract.created")
            #expect(received[0].headers.first(name: "X-Kabinet-Event") == "contract.created")
            #expect(cancelled["event"] as? String == "contract.changed" && cancelled["action"] as? String == "cancel")
            let card = try #require(cancelled["contract"] as? [String: Any])
            #expect(card["number"] as? String == contract.number && card["status"] as? String == "cancelled")
            #expect(card["id"] as? String == contract.id?.uuidString)
            #expect((try #require(created["contract"] as? [String: Any]))["status"] as? String == "draft")
            #expect(created["id"] as? String != cancelled["id"] as? String)

            // and the page lists both deliveries as delivered with the answer code
            let page = try await admin.get("/admin/webhooks").text
            #expect(page.components(separatedBy: "data-testid=\"webhook-delivery\"").count - 1 == 3)
            #expect(page.contains("Доставлено") && page.contains(">200<"))
        }
        await receiver.stop()
    }

    @Test("An application filed by an agent and taken by the back office is told with its answers, a file by its name")
    func applicationEvents() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            // given an address, and a signed contract of the agent (its own events are not the point here)
            let agent = Browser(app)
            try await agent.login("agent")
            let contractPath = try await ApplicationExample.signedContract(agent, app)
            _ = try await Self.endpoint(app, url: receiver.url)

            // when the agent files a change of surname and the operator takes it
            let filed = try await ApplicationExample.file(agent, app, contract: contractPath, type: DemoApplicationTypes.personalData,
                                                          answers: ApplicationExample.surnameChange)
            let path = try #require(filed.location)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.post("\(path)/status/take").status == .seeOther)
            try await app.drainJobs()

            // then the address heard of both, with the application's answers and its status after each
            let events = try receiver.received.map { try Self.json($0.body) }
            try #require(events.count == 2)
            let typed = try receiver.received.map { try Self.documented(Components.Schemas.WebhookApplicationEvent.self, $0.body) }
            #expect(typed.map(\.action) == [.filed, .take] && typed.map(\.application.status) == [.new, .inProgress])
            #expect(events.map { $0["event"] as? String } == ["application.filed", "application.changed"])
            #expect(events.map { $0["action"] as? String } == ["filed", "take"])
            let first = try #require(events[0]["application"] as? [String: Any])
            let second = try #require(events[1]["application"] as? [String: Any])
            let contract = try await app.contract(contractPath)
            #expect((first["contract"] as? [String: Any])?["number"] as? String == contract.number)
            #expect(first["status"] as? String == "new" && second["status"] as? String == "in_progress")
            let answers = try #require(first["answers"] as? [String: String])
            #expect(answers["last_name"] == "Петров" && answers["document"] == "scan.pdf")
            let operatorID = try await app.user("operator").requireID().uuidString
            #expect(first["assigneeId"] == nil && second["assigneeId"] as? String == operatorID)
        }
        await receiver.stop()
    }

    @Test("An address hears only of the events it chose; the test event reaches every address")
    func onlyChosenEvents() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            // given an address that wants applications only
            let endpoint = try await Self.endpoint(app, url: receiver.url, events: ["application.filed", "application.changed"])
            #expect(endpoint.events == ["application.filed", "application.changed"])

            // when a contract is issued and signed and an application filed on it
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await ApplicationExample.signedContract(agent, app)
            #expect(try await ApplicationExample.file(agent, app, contract: contract, type: DemoApplicationTypes.personalData,
                                                       answers: ApplicationExample.surnameChange).status == .seeOther)
            try await WebhookEvents.ping(endpoint, on: app.db)
            try await app.drainJobs()

            // then it heard of the application and the test, not of the contract
            let events = try receiver.received.map { try Self.json($0.body)["event"] as? String }
            #expect(events == ["application.filed", "ping"])
        }
        await receiver.stop()
    }

    @Test("An address that answers 500 gets the same bytes again until it answers 2xx; after the last attempt the delivery is failed")
    func retries() async throws {
        let receiver = try await WebhookReceiver.start(answering: [.internalServerError, .serviceUnavailable])
        try await withKabinet { app in
            // given
            let endpoint = try await Self.endpoint(app, url: receiver.url)
            try await WebhookEvents.ping(endpoint, on: app.db)

            // when the first attempt is refused
            try await app.drainJobs()
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == "pending" && delivery.attempts == 1 && delivery.responseCode == 500)
            #expect(delivery.lastError?.contains("500") == true)
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == WebhookEvents.deliverJob).first())
            #expect(job.status == "queued" && job.runAt > Date())

            // then the retries send the same body and the second one's 2xx… (the 503 first)
            for _ in 0..<2 {
                job.runAt = Date().addingTimeInterval(-1)
                try await job.save(on: app.db)
                try await app.drainJobs()
            }
            let done = try #require(try await WebhookDelivery.find(delivery.id, on: app.db))
            #expect(done.status == "delivered" && done.attempts == 3 && done.responseCode == 200 && done.lastError == nil)
            let bodies = receiver.received.map(\.body)
            #expect(bodies.count == 3 && Set(bodies).count == 1)
            #expect(try Self.documented(Components.Schemas.WebhookPing.self, bodies[0]).event == .ping)

            // and a delivery that used up its attempts is failed, not retried again
            try await WebhookEvents.ping(endpoint, on: app.db)
            let last = try #require(try await WebhookDelivery.query(on: app.db).filter(\.$status == "pending").first())
            last.attempts = WebhookEvents.maxAttempts - 1
            try await last.save(on: app.db)
            await receiver.stop()
            try await app.drainJobs()
            let failed = try #require(try await WebhookDelivery.find(last.id, on: app.db))
            #expect(failed.status == "failed" && failed.attempts == WebhookEvents.maxAttempts && failed.lastError != nil)
        }
        await receiver.stop()
    }

    @Test("A secret that the installation's key no longer opens is not sent unsigned: the delivery says why")
    func secretUnreadable() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            // given an address whose secret was sealed with another key (the key was replaced)
            let endpoint = try await Self.endpoint(app, url: receiver.url)
            endpoint.sealedSecret = try SecretBox(key: SymmetricKey(size: .bits256)).seal("old secret")
            try await endpoint.save(on: app.db)

            // when a test event is sent
            try await WebhookEvents.ping(endpoint, on: app.db)
            try await app.drainJobs()

            // then nothing reached the address and the delivery names the key
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(receiver.received.isEmpty)
            #expect(delivery.status == "pending" && delivery.lastError?.contains("KABINET_SECRET_KEY") == true)
        }
        await receiver.stop()
    }

    @Test("«Повторить отправку» sends a failed delivery again with fresh attempts; only a failed one, only by an administrator")
    func retryFailed() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            // given a delivery that used up its attempts
            let endpoint = try await Self.endpoint(app, url: receiver.url)
            try await WebhookEvents.ping(endpoint, on: app.db)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            let id = try delivery.requireID()
            try await Job.query(on: app.db).delete()
            delivery.status = "failed"
            delivery.attempts = WebhookEvents.maxAttempts
            try await delivery.save(on: app.db)
            let admin = Browser(app)
            try await admin.login("admin")
            #expect(try await admin.get("/admin/webhooks").text.contains("/admin/webhooks/deliveries/\(id)/retry"))
            #expect(try await Browser(app).get("/metrics", accept: "text/plain").text.contains("kabinet_webhook_failed_deliveries 1"))

            // when someone else tries, nothing happens
            let agent = Browser(app)
            try await agent.login("agent")
            #expect(try await agent.post("/admin/webhooks/deliveries/\(id)/retry").status == .forbidden)
            #expect(try await Job.query(on: app.db).count() == 0)

            // when the administrator retries, it is delivered
            #expect(try await admin.post("/admin/webhooks/deliveries/\(id)/retry").status == .seeOther)
            try await app.drainJobs()
            let sent = try #require(try await WebhookDelivery.find(id, on: app.db))
            #expect(sent.status == "delivered" && sent.attempts == 1 && receiver.received.count == 1)
            #expect(try await Browser(app).get("/metrics", accept: "text/plain").text.contains("kabinet_webhook_failed_deliveries 0"))

            // and a delivered one (or an unknown id) cannot be retried
            #expect(try await admin.post("/admin/webhooks/deliveries/\(id)/retry").status == .notFound)
            #expect(try await admin.post("/admin/webhooks/deliveries/\(UUID())/retry").status == .notFound)
            #expect(receiver.received.count == 1)
        }
        await receiver.stop()
    }

    @Test("Nothing is queued while no address is configured; a deleted address takes its unsent deliveries along")
    func noAddressNoDeliveries() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            _ = try await ContractExample.issue(agent)
            #expect(try await WebhookDelivery.query(on: app.db).count() == 0)
            #expect(try await Job.query(on: app.db).filter(\.$kind == WebhookEvents.deliverJob).count() == 0)

            let endpoint = try await Self.endpoint(app, url: receiver.url)
            try await WebhookEvents.ping(endpoint, on: app.db)
            let admin = Browser(app)
            try await admin.login("admin")
            let deleted = try await admin.post("/admin/webhooks/\(try endpoint.requireID())/delete")
            #expect(deleted.status == .seeOther)
            try await app.drainJobs()
            #expect(try await WebhookEndpoint.query(on: app.db).count() == 0)
            #expect(try await WebhookDelivery.query(on: app.db).count() == 0)
            #expect(receiver.received.isEmpty)
            #expect(try await app.auditEntries("webhook.deleted").count == 1)
        }
        await receiver.stop()
    }

    @Test("A wrong name, address or choice of events is refused next to its field and nothing is saved", arguments: [
        ("", "https://core.example.ru/hook", everyEvent, "name"),
        (String(repeating: "я", count: 101), "https://core.example.ru/hook", everyEvent, "name"),
        ("Ядро", "", everyEvent, "url"),
        ("Ядро", "ftp://core.example.ru/hook", everyEvent, "url"),
        ("Ядро", "core.example.ru/hook", everyEvent, "url"),
        ("Ядро", "https://user:secret@core.example.ru/hook", everyEvent, "url"),
        ("Ядро", "https://core.example.ru/" + String(repeating: "a", count: 500), everyEvent, "url"),
        ("Ядро", "https://core.example.ru/hook", [], "events"),
        ("Ядро", "https://core.example.ru/hook", ["contract.created", "contract.deleted"], "events"),
        ("Ядро", "https://core.example.ru/hook", ["ping"], "events"),
    ])
    func badInput(name: String, url: String, events: [String], field: String) async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let response = try await admin.post("/admin/webhooks", [("name", name), ("url", url)] + events.map { ("events[]", $0) })
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("data-field=\"\(field)\""))
            #expect(!response.text.contains("data-testid=\"webhook-secret\""))
            #expect(try await WebhookEndpoint.query(on: app.db).count() == 0)
        }
    }

    @Test("Only administrators see or change the addresses; a form without the CSRF token is refused", arguments: ["agent", "partner", "operator", "head"])
    func administratorsOnly(_ login: String) async throws {
        try await withKabinet { app in
            let endpoint = try await Self.endpoint(app, url: "https://core.example.ru/hook")
            let id = try endpoint.requireID()
            let user = Browser(app)
            try await user.login(login)
            #expect(try await user.get("/admin/webhooks").status == .forbidden)
            #expect(try await user.post("/admin/webhooks", [("name", "Чужой"), ("url", "https://evil.example/hook")]).status == .forbidden)
            #expect(try await user.post("/admin/webhooks/\(id)/test").status == .forbidden)
            #expect(try await user.post("/admin/webhooks/\(id)/delete").status == .forbidden)
            let admin = Browser(app)
            try await admin.login("admin")
            #expect(try await admin.post("/admin/webhooks/\(id)/delete", withCSRF: false).status == .forbidden)
            #expect(try await WebhookEndpoint.query(on: app.db).count() == 1)
            #expect(try await WebhookDelivery.query(on: app.db).count() == 0)
        }
    }
}
