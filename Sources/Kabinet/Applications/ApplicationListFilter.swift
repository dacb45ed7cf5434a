import Foundation
import KabinetDomain
import Vapor

/// The queue's filters as typed in the query string: «Статус», «Тип», «Дата с/по», «Исполнитель», «Номер
/// договора». Values are kept as typed so the form shows them back; `check` says what cannot be used.
struct ApplicationListFilter: Codable {
    var status: String?
    var type: String?
    var from: String?
    var to: String?
    /// "me", "none" or a user id.
    var assignee: String?
    var number: String?
    var page: Int?

    /// The filter ready for a query, or the field problems (422).
    struct Parsed {
        var status: ApplicationStatus?
        var typeID: UUID?
        var from: Date?
        var to: Date?
        var assignee: Assignee?
        var number: String?
    }

    enum Assignee: Equatable {
        case nobody
        case user(UUID)
    }

    func parse(actor: Actor, typeIDs: [UUID], operatorIDs: [UUID]) -> (Parsed, [FieldProblem]) {
        var parsed = Parsed()
        var problems: [FieldProblem] = []
        let choice = "applications.list.error.choice"
        if let text = status.blankAsNil {
            parsed.status = ApplicationStatus(rawValue: text)
            if parsed.status == nil { problems.append(FieldProblem(field: "status", key: choice)) }
        }
        if let text = type.blankAsNil {
            parsed.typeID = UUID(uuidString: text).flatMap { typeIDs.contains($0) ? $0 : nil }
            if parsed.typeID == nil { problems.append(FieldProblem(field: "type", key: choice)) }
        }
        for (field, text) in [("from", from), ("to", to)] {
            guard let text = text.blankAsNil else { continue }
            guard let day = MoscowTime.parseDay(text) else {
                problems.append(FieldProblem(field: field, key: "applications.list.error.date"))
                continue
            }
            if field == "from" { parsed.from = day } else { parsed.to = day.addingTimeInterval(86_400) }
        }
        if let from = parsed.from, let to = parsed.to, from >= to {
            problems.append(FieldProblem(field: "to", key: "applications.list.error.period"))
        }
        switch assignee.blankAsNil {
        case nil: break
        case "none": parsed.assignee = .nobody
        case "me": parsed.assignee = .user(actor.userID)
        case let text?:
            if let id = UUID(uuidString: text), operatorIDs.contains(id) { parsed.assignee = .user(id) }
            else { problems.append(FieldProblem(field: "assignee", key: choice)) }
        }
        if let text = number.blankAsNil {
            if text.count <= 20, text.allSatisfy(\.isNumber) { parsed.number = text }
            else { problems.append(FieldProblem(field: "number", key: "applications.list.error.number")) }
        }
        return (parsed, problems)
    }
}

extension Optional where Wrapped == String {
    /// The trimmed text, or nil when absent or blank: an empty select posts "".
    var blankAsNil: String? {
        guard let text = self?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
