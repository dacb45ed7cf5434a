import Foundation
import KabinetDomain
import Testing

@testable import Kabinet

@Suite("The shipped document templates")
struct DocumentTemplateFilesTests {
    @Test("Every kind has a template, and a contract fills every placeholder in it")
    func everyPlaceholderKnown() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await app.contract(try await ContractExample.issue(agent))
            let filling = try await ContractDocumentFilling(application: app, database: app.db)
                .make(contract, mark: .sample("ОБРАЗЕЦ"))
            for kind in ContractDocuments.kinds {
                let template = try DocumentTemplates.template(kind, product: contract.productCode)
                var texts = [template.filename, template.title]
                for block in template.blocks {
                    switch block {
                    case .heading(let text), .subheading(let text), .paragraph(let text): texts.append(text)
                    case .fields(let rows): texts += rows.flatMap { $0 }
                    case .table(let name): #expect(filling.tables[name] != nil, "table \(name) in \(kind)")
                    case .rule, .space: break
                    }
                }
                for text in texts {
                    let filled = DocumentTemplate.fill(text, filling.values)
                    #expect(!filled.contains("{"), "\(kind): \(filled)")
                }
            }
        }
    }
}
