import Foundation
import KabinetDomain
import Testing

@Suite("Document templates as data")
struct DocumentTemplateTests {
    @Test("Placeholders are filled; an unknown one stays visible; braces without a name are kept")
    func fill() {
        let values = ["number": "5520000307", "policyholder": "Иванов Юрий Германович"]
        #expect(DocumentTemplate.fill("policy_{number}.pdf", values) == "policy_5520000307.pdf")
        #expect(DocumentTemplate.fill("{policyholder}, {unknown}", values) == "Иванов Юрий Германович, {unknown}")
        #expect(DocumentTemplate.fill("a { b", values) == "a { b")
        #expect(DocumentTemplate.fill("", values) == "")
    }

    @Test("Every kind of block reads from JSON and writes back the same")
    func roundTrip() throws {
        let json = """
            {"kind":"memo","filename":"memo_{number}.pdf","title":"Памятка","blocks":[
            {"heading":"H"},{"subheading":"S"},{"paragraph":"P"},{"fields":[["Взнос","{premium}"]]},
            {"table":"risks"},{"rule":true},{"space":12}]}
            """
        let template = try JSONDecoder().decode(DocumentTemplate.self, from: Data(json.utf8))
        #expect(template.blocks == [.heading("H"), .subheading("S"), .paragraph("P"), .fields([["Взнос", "{premium}"]]),
                                    .table("risks"), .rule, .space(12)])
        let again = try JSONDecoder().decode(DocumentTemplate.self, from: JSONEncoder().encode(template))
        #expect(again == template)
    }

    @Test("A block of an unknown kind or a field without a value is refused with a reason")
    func badBlocks() {
        for json in [#"{"kind":"x","filename":"f","title":"t","blocks":[{"picture":"p"}]}"#,
                     #"{"kind":"x","filename":"f","title":"t","blocks":[{"fields":[["only label"]]}]}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(DocumentTemplate.self, from: Data(json.utf8)) }
        }
    }
}
