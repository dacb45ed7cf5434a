import Fluent
import Foundation

/// «Сохранить фильтры»: a named set of the form's filters, per user, to start the next report from. Saving under
/// an existing name replaces that variant.
final class ReportVariant: Model, @unchecked Sendable {
    static let schema = "report_variants"

    @ID var id: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "name") var name: String
    /// `ReportInput` as JSON: the form exactly as filled, dates included.
    @Field(key: "input") var input: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func decodedInput() -> ReportInput {
        (try? JSONDecoder().decode(ReportInput.self, from: Data(input.utf8))) ?? ReportInput()
    }
}
