import Foundation
import KabinetDomain
import Vapor

/// The admin form of an application type as posted; `check` turns it into values or field problems.
struct ApplicationTypeForm: Codable {
    var name: String?
    var fields: String?
    var channels: [String]?
    var effect: String?
    var signedOnly: String?
    var active: String?

    init() {}

    init(_ type: ApplicationType) {
        name = type.name
        fields = ApplicationSchemaText.format(type.fields)
        channels = type.channelIDs.map(\.uuidString)
        effect = type.effect
        signedOnly = type.signedOnly ? "1" : nil
        active = type.active ? "1" : nil
    }

    struct Checked {
        var name: String
        var fields: [ApplicationField]
        var channelIDs: [UUID]
        var effect: ApplicationEffect
    }

    /// `channelIDs`: the channels that exist; anything else posted is a tampered form. Throws
    /// `AppError.validation` with every problem.
    func check(channelIDs known: [UUID]) throws -> Checked {
        var problems: [FieldProblem] = []
        let name = (self.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { problems.append(FieldProblem(field: "name", key: "applications.types.error.name")) }
        var fields: [ApplicationField] = []
        switch ApplicationSchemaText.parse(self.fields ?? "") {
        case .success(let parsed): fields = parsed
        case .failure(let lines):
            let first = lines.items[0]
            problems.append(FieldProblem(field: "fields", key: first.key, arguments: [String(first.line)]))
        }
        let channelIDs = (channels ?? []).compactMap(UUID.init(uuidString:))
        if channelIDs.isEmpty || channelIDs.count != (channels ?? []).count || !channelIDs.allSatisfy(known.contains) {
            problems.append(FieldProblem(field: "channels", key: "applications.types.error.channels"))
        }
        let effect = ApplicationEffect(rawValue: self.effect ?? ApplicationEffect.none.rawValue)
        if effect == nil { problems.append(FieldProblem(field: "effect", key: "applications.list.error.choice")) }
        if effect == .personalData, !fields.contains(where: { PersonalDataField(rawValue: $0.key) != nil }) {
            problems.append(FieldProblem(field: "fields", key: "applications.types.error.no_personal_fields", arguments: ["1"]))
        }
        guard problems.isEmpty, let effect else { throw AppError.validation(problems) }
        return Checked(name: name, fields: fields, channelIDs: channelIDs, effect: effect)
    }
}
