import Foundation
import HTTPTypes
import KabinetDomain
import OpenAPIRuntime
import Testing
import Vapor

@testable import Kabinet

/// The quote calculation's shortcut past the generic JSON coders answers byte for byte what the generated server
/// answers, reads a body only when the generated decoder would read it the same way, and leaves every other call
/// to the generated server.
@Suite("API shortcut: the quote calculation without the generic coders")
struct APIShortcutTests {
    /// The API's encoder configuration (`APIRoutes.configuration`).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test("Strings are escaped as JSONEncoder escapes them: every control character, quotes, slashes, Cyrillic, emoji")
    func stringEscaping() throws {
        let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
            + ["\"", "\\", "/", "</script>", "Дожитие с возвратом взносов", "€ 😀", "\u{2028}\u{2029}", "\u{7F}", ""]
        for text in awkward + [awkward.joined()] {
            // given a line whose texts are awkward
            let money = Components.Schemas.Money(amount: "1.00", currency: .rub)
            let line = Components.Schemas.QuoteLine(riskCode: text, riskName: "a" + text + "b", mandatory: text.isEmpty,
                sumInsured: money, premium: money)
            var json = JSONByteWriter(capacity: 64)
            // when
            line.write(to: &json)
            // then
            #expect(json.bytes == Array(try Self.encoder().encode(line)), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("Every priced quote of every demo product, both directions, is written exactly as JSONEncoder writes it")
    func quotesMatchTheEncoder() async throws {
        try await withKabinet { app in
            // given random inputs over the whole catalog
            let today = QuoteService(request: Request(application: app, on: app.eventLoopGroup.next())).today()
            let catalog = try await ProductCatalogStore.catalog(app)
            let products = catalog.products(on: today)
            #expect(products.count == 15)
            var random = SplitMix64(seed: 20261124)
            var priced = 0
            for round in 0..<1500 {
                let product = products[round % products.count]
                let input = Self.randomInput(product, today: today, fromSum: round % 3 == 0, &random)
                guard case .success(let request) = input.parse(currency: product.currency, today: today),
                    case .success(let quote) = try #require(catalog.plan(product.code, on: today)).quote(request)
                else { continue }
                priced += 1
                let schema = try Components.Schemas.Quote(quote)
                // when
                let direct = schema.jsonBytes
                // then
                #expect(direct == Array(try Self.encoder().encode(schema)), "round \(round) \(product.code)")
            }
            #expect(priced > 500, "too few random inputs priced: \(priced)")
        }
    }

    @Test("The seed example through the shortcut gets the generated server's answer: status, headers and bytes")
    func sameAnswerEitherWay() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")
            // when the same body is posted plainly (the shortcut) and with an Accept only the runtime parses
            let direct = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(),
                headers: [("Accept", "application/json")])
            let generated = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(),
                headers: [("Accept", "application/json, text/plain;q=0.5")])
            // then
            #expect(direct.status == .ok && generated.status == .ok)
            #expect(Array(direct.body.readableBytesView) == Array(generated.body.readableBytesView))
            for name in [HTTPHeaders.Name.contentType, .contentLength] {
                #expect(direct.headers[name] == generated.headers[name], "\(name)")
            }
            #expect(direct.headers.first(name: .contentType) == "application/json; charset=utf-8")
            #expect(APISeed.amount(direct.json["totalPerYear"]) == "100000.00")
        }
    }

    @Test("The shortcut takes the ordinary call and hands everything else, with the same bytes, to the generated handler")
    func whichCallsTakeTheShortcut() async throws {
        try await withKabinet { app in
            // given the agent's request, its body arrived whole, bound as the token check binds it
            let actor = try await ActorLoader.load(try await app.user("agent"), sessionID: nil, on: app.db)
            let seed = String(decoding: try JSONSerialization.data(withJSONObject: APISeed.body()), as: UTF8.self)
            let cases: [(name: String, headers: HTTPFields, body: String, shortcut: Bool)] = [
                ("body still arriving", Self.headers(), seed, false), ("no token", Self.headers(), seed, false),
                ("ordinary", Self.headers(), seed, true),
                ("charset and any Accept", Self.headers("Application/JSON; charset=UTF-8", accept: "*/*"), seed, true),
                ("no Accept", Self.headers(accept: nil), seed, true),
                ("form body", Self.headers("application/x-www-form-urlencoded"), seed, false),
                ("Accept with a list", Self.headers(accept: "application/json, text/html"), seed, false),
                ("escaped text", Self.headers(), seed.replacingOccurrences(of: "product-1", with: "product\\u002d1"), false),
                ("unknown product", Self.headers(), seed.replacingOccurrences(of: "product-1", with: "product-99"), false),
                ("not JSON", Self.headers(), "{", false),
            ]
            for item in cases {
                let request = Request(application: app, method: .POST, url: "/api/v1/quotes/calculate",
                    collectedBody: item.name == "body still arriving" ? nil : ByteBuffer(string: item.body),
                    on: app.eventLoopGroup.next())
                request.optionalActor = item.name == "no token" ? nil : actor
                var handedOver: [UInt8]?
                // when
                let (response, body) = try await APIContext.$request.withValue(request) {
                    try await APIShortcut.calculateQuote.respond(
                        to: HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/api/v1/quotes/calculate",
                            headerFields: item.headers),
                        body: HTTPBody(Array(item.body.utf8)[...])
                    ) { body in
                        handedOver = Array(try await ArraySlice(collecting: body!, upTo: 1 << 20))
                        return (HTTPResponse(status: .init(code: 418)), nil)
                    }
                }
                // then
                if item.shortcut {
                    #expect(response.status == .ok && handedOver == nil, "\(item.name)")
                    let bytes = try await ArraySlice(collecting: try #require(body), upTo: 1 << 20)
                    #expect(response.headerFields[.contentLength] == String(bytes.count), "\(item.name)")
                } else {
                    #expect(response.status == .init(code: 418) && handedOver == Array(item.body.utf8), "\(item.name)")
                }
            }
        }
    }

    @Test("The shortcut names an operation the generated server registers, so it cannot silently stop applying")
    func namesARegisteredOperation() throws {
        // given a transport that only records what is registered
        struct Recorder: ServerTransport {
            func register(
                _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                method: HTTPRequest.Method, path: String
            ) throws {}
        }
        let transport = APITransport(Recorder(), shortcuts: [.calculateQuote])
        // when
        try KabinetAPI().registerHandlers(on: transport, serverURL: Servers.Server1.url(), configuration: APIRoutes.configuration)
        // then
        #expect(transport.registered[APIShortcut.calculateQuote.path] == [APIShortcut.calculateQuote.method])
    }

    static func headers(_ contentType: String = "application/json", accept: String? = "application/json") -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        if let accept { fields[.accept] = accept }
        return fields
    }

    /// A request a user might send: sometimes outside the limits, the ages or the window, so refusals come up too.
    static func randomInput(_ product: ProductDefinition, today: CalendarDate, fromSum: Bool, _ random: inout SplitMix64)
        -> QuoteInput
    {
        let frequency = product.frequencies.randomElement(using: &random)!
        let term = product.terms.randomElement(using: &random)!
        let start = today.adding(days: Int.random(in: 1...10, using: &random))
        let age = Int.random(in: product.insuredAge.minAtStart...product.insuredAge.maxAtStart + 2, using: &random)
        let birth = start.adding(days: -(age * 366 + Int.random(in: 0...300, using: &random)))
        let optional = product.risks.filter { !$0.mandatory && Bool.random(using: &random) }.map(\.code)
        let risks = product.risks.filter(\.mandatory).map(\.code) + optional
        let (min, max) = product.premiumLimits(for: frequency) ?? (Money(minorUnits: 100_000, currency: product.currency),
            Money(minorUnits: 10_000_000, currency: product.currency))
        let minor = Int64.random(in: min.minorUnits...max.minorUnits, using: &random)
        let amount = Money(minorUnits: fromSum ? minor * 7 : minor, currency: product.currency).plainString
        return QuoteInput(
            productCode: product.code, startDate: start.iso, frequency: frequency.rawValue, term: String(term),
            premium: fromSum ? nil : amount, sumInsured: fromSum ? amount : nil, basis: fromSum ? "sumInsured" : "premium",
            sex: Bool.random(using: &random) ? "male" : "female", birthDate: birth.iso, risks: risks)
    }
}
