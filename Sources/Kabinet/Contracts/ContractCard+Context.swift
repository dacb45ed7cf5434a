import Fluent
import Foundation
import KabinetDomain
import Vapor

/// What the contract card shows, in the seed's order: «№ … скопировать», the facts, the statuses and money,
/// «Изменить статус», «Редактировать», the core-system status, «Требуется работы по договору», the history.
struct ContractCardContent: Encodable {
    struct Fact: Encodable {
        var label: String
        var value: String
        var testID: String
    }

    /// A status button and what it asks for before it acts.
    struct Action: Encodable {
        var kind: String
        var label: String
        /// «Перевести в ошибочный»: a confirmation checkbox, since only the back office can undo it.
        var confirm: Bool
        var reasonRequired: Bool
        var reasonOptional: Bool
        /// «Требуются работы по договору»: the text of the work.
        var workText: Bool
        var danger: Bool
        /// The refusal or missing detail after a failed attempt; opens this action's panel again.
        var error: String?
        var open: Bool
    }

    struct HistoryRow: Encodable {
        var at: String
        var who: String
        var action: String
        var change: String?
        var reason: String?
    }

    struct Person: Encodable {
        var role: String
        var name: String
        var details: String
    }

    var id: UUID
    var number: String
    var facts: [Fact]
    var money: [Fact]
    var status: String
    var statusCode: String
    var payment: String
    var paymentCode: String
    var backOfficeStatus: String?
    var workRequired: Bool
    var workText: String?
    var actions: [Action]
    var canChangeStatus: Bool
    var editable: Bool
    /// «Оформить заявление» is offered only to whoever may file one (sellers); the back office works them.
    var canFileApplication: Bool
    var people: [Person]
    var history: [HistoryRow]
    var quoteID: UUID?
    var signing: SigningCardPanel
}

extension ContractCardContent {
    /// `failed`: the action that was refused, with its message, to show next to its button.
    static func make(_ contract: Contract, actor: Actor, req: Request, failed: (ContractActionKind, String)? = nil)
        async throws -> ContractCardContent
    {
        let db = req.db
        let state = contract.state
        let english = req.locale == "en"
        let office = try await contract.officeID.asyncMap { try await Office.find($0, on: db)?.name } ?? nil
        let channel = try await contract.channelID.asyncMap { try await SalesChannel.find($0, on: db)?.name } ?? nil
        let agreement = try await contract.agreementID.asyncMap { try await AgencyAgreement.find($0, on: db)?.number } ?? nil
        let owner = try await User.find(contract.ownerID, on: db)
        let frequency = PaymentFrequency(rawValue: contract.frequency)
        let money = { (value: Money?) in value.map(req.formatted) ?? "—" }
        let zero = CurrencyCode(rawValue: contract.currency).map { Money(minorUnits: 0, currency: $0) }
        let facts = [
            Fact(label: req.t("contracts.card.name"), value: contract.policyholderName, testID: "card-name"),
            Fact(label: req.t("contracts.card.office"), value: office ?? "—", testID: "card-office"),
            Fact(label: req.t("contracts.card.channel"), value: channel ?? "—", testID: "card-channel"),
            Fact(label: req.t("contracts.card.product"), value: contract.productName, testID: "card-product"),
            Fact(label: req.t("products.agreement"), value: agreement ?? "—", testID: "card-agreement"),
            Fact(label: req.t("contracts.card.operator"), value: owner?.fullName ?? "—", testID: "card-operator"),
            Fact(label: req.t("contracts.card.issued"), value: MoscowTime.date(contract.issuedAt), testID: "card-issued"),
            Fact(label: req.t("contracts.card.period"),
                 value: "\(contract.startDay.russian) - \(contract.endDay.russian)", testID: "card-period"),
            Fact(label: req.t("contracts.card.insured_count"), value: String(contract.insuredCount), testID: "card-insured"),
        ]
        let amounts = [
            Fact(label: req.t("contracts.card.paid_amount"), value: money(contract.paidAmount ?? zero), testID: "card-paid"),
            Fact(label: req.t("contracts.card.paid_at"), value: contract.paidAt.map { MoscowTime.date($0) } ?? "-",
                 testID: "card-paid-at"),
            Fact(label: req.t("contracts.card.premium"), value: money(contract.premium), testID: "card-premium"),
            Fact(label: req.t("contracts.card.frequency"),
                 value: frequency.map { english ? $0.englishName : $0.russianName } ?? contract.frequency,
                 testID: "card-frequency"),
            Fact(label: req.t("contracts.card.sum_insured"), value: money(contract.sumInsured), testID: "card-sum"),
        ]
        let mayChange = Authorizer.may(actor, .changeStatus, in: .contracts)
        let kinds = mayChange ? ContractStateMachine.availableActions(for: state, role: actor.contractRole) : []
        var kindsShown = kinds
        if let failed, !kindsShown.contains(failed.0) { kindsShown.append(failed.0) }
        let actions = kindsShown.map { kind in
            Action(kind: kind.rawValue, label: req.t(kind.messageKey), confirm: kind == .markErroneous,
                   reasonRequired: kind == .restoreFromErroneous, reasonOptional: kind == .cancel,
                   workText: kind == .requireWork, danger: kind == .cancel || kind == .markErroneous,
                   error: failed?.0 == kind ? failed?.1 : nil, open: failed?.0 == kind)
        }
        return ContractCardContent(
            id: try contract.requireID(), number: contract.number ?? "—", facts: facts, money: amounts,
            status: req.t(state.status.messageKey), statusCode: state.status.rawValue,
            payment: req.t(state.payment.messageKey), paymentCode: state.payment.rawValue,
            backOfficeStatus: BackOfficeStatus(state).map { req.t($0.messageKey) },
            workRequired: state.isWorkRequired, workText: state.requiredWork, actions: actions,
            canChangeStatus: mayChange, editable: state.isEditable && Authorizer.may(actor, .edit, in: .contracts),
            canFileApplication: try await mayFileApplication(contract, actor: actor, req: req),
            people: try people(contract, req: req), history: try await history(contract, req: req),
            quoteID: contract.quoteID, signing: try await SigningCardPanel.make(contract, actor: actor, req: req))
    }

    /// «Оформить заявление» only for a seller with some type to file on this contract (most types need a signed
    /// one), rather than a button that leads to an empty choice.
    static func mayFileApplication(_ contract: Contract, actor: Actor, req: Request) async throws -> Bool {
        guard Authorizer.may(actor, .create, in: .applications) else { return false }
        return try await !ApplicationService(request: req).offeredTypes(actor: actor, contract: contract).isEmpty
    }

    /// Who is on the contract, briefly: names, birth dates, the policyholder, beneficiaries with their shares.
    static func people(_ contract: Contract, req: Request) throws -> [Person] {
        let draft = try contract.decodedData().draft
        var people = draft.insured.map {
            Person(role: req.t("contracts.role.insured"), name: $0.fullName, details: $0.birthDate?.russian ?? "")
        }
        if case .person(let holder) = draft.policyholder {
            people.append(Person(role: req.t("contracts.policyholder"), name: holder.fullName,
                                 details: holder.birthDate?.russian ?? ""))
        } else if let holder = draft.policyholderPerson {
            people.append(Person(role: req.t("contracts.policyholder"), name: holder.fullName,
                                 details: req.t("contracts.role.is_insured")))
        }
        for beneficiary in draft.beneficiaries {
            let name = [beneficiary.lastName, beneficiary.firstName, beneficiary.middleName ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
            people.append(Person(role: req.t("contracts.role.beneficiary"), name: name,
                                 details: beneficiary.share.map { ContractForm.shareText($0) + " %" } ?? ""))
        }
        return people
    }

    static func history(_ contract: Contract, req: Request) async throws -> [HistoryRow] {
        let rows = try await ContractHistoryEntry.query(on: req.db).filter(\.$contract.$id == contract.requireID())
            .sort(\.$at, .descending).sort(\.$id).all()
        let users = try await User.query(on: req.db).filter(\.$id ~~ Set(rows.compactMap(\.actorID))).all()
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.fullName) } })
        let statusName = { (raw: String?) in
            raw.flatMap(ContractStatus.init(rawValue:)).map { req.t($0.messageKey) }
        }
        return rows.map { row in
            let action = ContractActionKind(rawValue: row.action).map { req.t($0.messageKey) }
                ?? req.t("contracts.history.\(row.action)")
            let change: String? = switch (statusName(row.fromStatus), statusName(row.toStatus)) {
            case (let from?, let to?): "\(from) → \(to)"
            case (nil, let to?): to
            default: nil
            }
            return HistoryRow(at: MoscowTime.dateTime(row.at),
                              who: row.actorID.flatMap { names[$0] }.map { "\($0) (\(row.actorLogin))" } ?? row.actorLogin,
                              action: action, change: change, reason: row.reason)
        }
    }
}
