import Testing
import Vapor

@testable import Kabinet

@Suite("Contract list filters through the API")
struct APIContractFilterTests {
    @Test("Values that break the document's formats are 422 with the field named, not silently ignored", arguments: [
        ("to=", "to"), ("from=2024-13", "from"), ("product=", "product"), ("operator=abc", "operator"), ("size=500", "size"),
    ])
    func refused(query: String, field: String) async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")
            // when
            let answer = try await client.get("/api/v1/contracts?\(query)")
            // then
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("\"field\":\"\(field)\""))
        }
    }
}
