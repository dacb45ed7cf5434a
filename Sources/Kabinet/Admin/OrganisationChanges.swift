import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Changes to the organisation tree. Each validates everything first and throws `AppError.validation` with all
/// the problems, then writes the row and its audit entry in one transaction, so nothing is half-saved.
struct OrganisationChanges: Sendable {
    let database: any Database
    let audit: Audit
    let companyName: String

    func addChannel(_ form: OrganisationForm.Channel) async throws -> SalesChannel {
        let code = (form.code ?? "").trimmed.uppercased()
        let name = (form.name ?? "").trimmed
        var problems = [OrganisationRules.channelCodeProblem(code), OrganisationRules.nameProblem(name)].compactMap { $0 }
        if problems.isEmpty, try await SalesChannel.query(on: database).filter(\.$code == code).first() != nil {
            problems.append(FieldProblem(field: "code", key: "admin.org.channel.code_taken"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return try await save(uniqueField: "code", takenKey: "admin.org.channel.code_taken") { db in
            let channel = SalesChannel(companyID: try await company(on: db), code: code, name: name)
            try await channel.create(on: db)
            try await audit.on(db).record("organisation.channel_created", entity: SalesChannel.auditEntity,
                id: channel.id?.uuidString, summary: "Создан канал продаж \(code) «\(name)»", after: channel.snapshot)
            return channel
        }
    }

    func addAgency(_ form: OrganisationForm.Agency) async throws -> Agency {
        let name = (form.name ?? "").trimmed
        let inn = (form.inn ?? "").trimmed
        var problems = [OrganisationRules.nameProblem(name), OrganisationRules.innProblem(inn)].compactMap { $0 }
        let channelID = try await form.channel.flatMap(UUID.init(uuidString:)).asyncMap { try await SalesChannel.find($0, on: database)?.id } ?? nil
        if channelID == nil { problems.append(FieldProblem(field: "channel", key: "admin.org.channel.choose")) }
        guard let channelID, problems.isEmpty else { throw AppError.validation(problems) }
        return try await database.transaction { db in
            let agency = Agency(channelID: channelID, name: name, inn: inn.isEmpty ? nil : inn)
            try await agency.create(on: db)
            try await audit.on(db).record("organisation.agency_created", entity: Agency.auditEntity,
                id: agency.id?.uuidString, summary: "Создано агентство «\(name)»", after: agency.snapshot)
            return agency
        }
    }

    func addAgreement(_ form: OrganisationForm.Agreement) async throws -> AgencyAgreement {
        let number = (form.number ?? "").trimmed
        let startsOn = CalendarDay.parse(form.startsOn)
        let endText = (form.endsOn ?? "").trimmed
        let endsOn = CalendarDay.parse(endText)
        var problems = [OrganisationRules.agreementNumberProblem(number)].compactMap { $0 }
        let agencyID = try await existingAgency(form.agency)
        if agencyID == nil { problems.append(FieldProblem(field: "agency", key: "admin.org.agency.choose")) }
        if startsOn == nil { problems.append(FieldProblem(field: "startsOn", key: "admin.org.date_invalid")) }
        if !endText.isEmpty, endsOn == nil { problems.append(FieldProblem(field: "endsOn", key: "admin.org.date_invalid")) }
        if let startsOn, let endsOn, endsOn < startsOn {
            problems.append(FieldProblem(field: "endsOn", key: "admin.org.agreement.ends_before_start"))
        }
        if problems.isEmpty, try await AgencyAgreement.query(on: database).filter(\.$number == number).first() != nil {
            problems.append(FieldProblem(field: "number", key: "admin.org.agreement.number_taken"))
        }
        guard let agencyID, let startsOn, problems.isEmpty else { throw AppError.validation(problems) }
        return try await save(uniqueField: "number", takenKey: "admin.org.agreement.number_taken") { db in
            let agreement = AgencyAgreement(agencyID: agencyID, number: number, startsOn: startsOn, endsOn: endsOn)
            try await agreement.create(on: db)
            try await audit.on(db).record("organisation.agreement_created", entity: AgencyAgreement.auditEntity,
                id: agreement.id?.uuidString, summary: "Добавлен агентский договор № \(number)", after: agreement.snapshot)
            return agreement
        }
    }

    func addOffice(_ form: OrganisationForm.Office) async throws -> Office {
        let name = (form.name ?? "").trimmed
        var problems = [OrganisationRules.nameProblem(name)].compactMap { $0 }
        let agencyID = try await existingAgency(form.agency)
        if agencyID == nil { problems.append(FieldProblem(field: "agency", key: "admin.org.agency.choose")) }
        guard let agencyID, problems.isEmpty else { throw AppError.validation(problems) }
        return try await database.transaction { db in
            let office = Office(agencyID: agencyID, name: name)
            try await office.create(on: db)
            try await audit.on(db).record("organisation.office_created", entity: Office.auditEntity,
                id: office.id?.uuidString, summary: "Создан офис «\(name)»", after: office.snapshot)
            return office
        }
    }

    /// Renames a channel, an agency or an office; codes and numbers never change, reports refer to them.
    func rename<Unit: OrganisationUnit>(_ unit: Unit, to newName: String?) async throws {
        let name = (newName ?? "").trimmed
        if let problem = OrganisationRules.nameProblem(name) { throw AppError.validation([problem]) }
        let before = unit.snapshot
        let oldName = unit.name
        unit.name = name
        try await database.transaction { db in
            try await unit.save(on: db)
            try await audit.on(db).record("organisation.\(Unit.auditEntity)_renamed", entity: Unit.auditEntity,
                id: unit.id?.uuidString, summary: "Переименование: «\(oldName)» → «\(name)»", before: before, after: unit.snapshot)
        }
    }

    /// Deactivating an agency keeps its history and users; it only marks that it no longer sells.
    func setActive(_ agency: Agency, _ active: Bool) async throws {
        guard agency.isActive != active else { return }
        let before = agency.snapshot
        agency.isActive = active
        try await database.transaction { db in
            try await agency.save(on: db)
            try await audit.on(db).record(active ? "organisation.agency_activated" : "organisation.agency_deactivated",
                entity: Agency.auditEntity, id: agency.id?.uuidString,
                summary: (active ? "Агентство снова активно: «" : "Агентство деактивировано: «") + agency.name + "»",
                before: before, after: agency.snapshot)
        }
    }

    private func existingAgency(_ text: String?) async throws -> UUID? {
        guard let id = text.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await Agency.find(id, on: database)?.id
    }

    /// The company at the root of the tree; a fresh install without demo data gets one named after the settings.
    private func company(on db: any Database) async throws -> UUID {
        if let existing = try await Company.query(on: db).first() { return try existing.requireID() }
        let company = Company(name: companyName)
        try await company.create(on: db)
        return try company.requireID()
    }

    /// Runs the write; if a parallel request took the same code or number first, the unique index refuses the
    /// row and the person sees the same message as when the check above had caught it.
    private func save<T: Sendable>(uniqueField: String, takenKey: String,
        _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T
    {
        do {
            return try await database.transaction(work)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.validation([FieldProblem(field: uniqueField, key: takenKey)])
        }
    }
}
