import Fluent
import Foundation
import KabinetDomain
import Vapor

/// What an administrator fills in to create or change a user.
struct UserDraft: Sendable {
    var login: String
    var fullName: String
    var email: String
    var roleCode: String
    var agencyID: UUID?
    var officeID: UUID?
    var channelID: UUID?
}

/// A snapshot of a user for the audit trail: no password hash, ever.
struct UserSnapshot: Encodable {
    var login: String
    var fullName: String
    var email: String
    var role: String
    var status: String
    var agencyID: UUID?
    var officeID: UUID?
    var channelID: UUID?

    init(_ user: User) {
        login = user.login
        fullName = user.fullName
        email = user.email
        role = user.roleCode
        status = user.status.rawValue
        agencyID = user.$agency.id
        officeID = user.$office.id
        channelID = user.$channel.id
    }
}

/// Creating and changing user accounts, shared by the admin pages and the command line.
struct UserAccounts: Sendable {
    let database: any Database
    let audit: Audit
    let hasher: any PasswordHasher
    let settings: Settings
    let localization: Localization

    struct Created {
        var user: User
        var invitationLink: String?
    }

    /// Validates the draft, creates the user and either sets the password or e-mails an invitation link.
    func create(_ draft: UserDraft, password: String?) async throws -> Created {
        var problems = try await validate(draft, existingID: nil)
        if let password, let violation = PasswordPolicy().check(password, confirmation: password, login: draft.login) {
            problems.append(FieldProblem(field: "password", key: violation.rawValue))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let passwordHash = try password.map { try hasher.hash($0) }
        return try await database.transaction { db in
            let user = User(
                login: User.normalize(login: draft.login), fullName: draft.fullName.trimmed, email: draft.email.trimmed,
                roleCode: draft.roleCode, channelID: draft.channelID, agencyID: draft.agencyID, officeID: draft.officeID,
                status: passwordHash == nil ? .invited : .active)
            user.passwordHash = passwordHash
            try await user.create(on: db)
            try await audit.on(db).record("user.created", entity: "user", id: user.id?.uuidString,
                summary: "Создан пользователь \(user.login)", after: UserSnapshot(user))
            guard passwordHash == nil else { return Created(user: user, invitationLink: nil) }
            let link = try await sendInvitation(to: user, on: db)
            return Created(user: user, invitationLink: link)
        }
    }

    /// E-mails (again) an invitation link; earlier links stop working.
    @discardableResult
    func sendInvitation(to user: User, on db: any Database) async throws -> String {
        let secret = try await LinkTokens(database: db).issue(.invitation, for: try user.requireID())
        let link = "\(settings.baseURL)/invite/\(secret)"
        let letter = AccountLetters(settings: settings, localization: localization).invitation(to: user, link: link)
        try await Outbox(database: db).email(to: user.email, subject: letter.subject, text: letter.text)
        return link
    }

    /// Applies changed fields to an existing user, with the audit trail's before/after.
    func update(_ user: User, with draft: UserDraft) async throws {
        let problems = try await validate(draft, existingID: user.id)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let before = UserSnapshot(user)
        let roleChanged = user.roleCode != draft.roleCode
        user.fullName = draft.fullName.trimmed
        user.email = draft.email.trimmed
        user.roleCode = draft.roleCode
        user.$agency.id = draft.agencyID
        user.$office.id = draft.officeID
        user.$channel.id = draft.channelID
        try await database.transaction { db in
            try await user.save(on: db)
            let action = roleChanged ? "user.role_changed" : "user.updated"
            try await audit.on(db).record(action, entity: "user", id: user.id?.uuidString,
                summary: "Изменён пользователь \(user.login)", before: before, after: UserSnapshot(user))
            // A new role means new rights: sessions opened under the old role must not keep them.
            if roleChanged { try await SessionStore.endAll(userID: try user.requireID(), on: db) }
        }
    }

    func setBlocked(_ user: User, _ blocked: Bool) async throws {
        let before = UserSnapshot(user)
        user.status = blocked ? .blocked : (user.passwordHash == nil ? .invited : .active)
        try await database.transaction { db in
            try await user.save(on: db)
            try await audit.on(db).record(blocked ? "user.blocked" : "user.unblocked", entity: "user", id: user.id?.uuidString,
                summary: (blocked ? "Заблокирован " : "Разблокирован ") + user.login, before: before, after: UserSnapshot(user))
            if blocked { try await SessionStore.endAll(userID: try user.requireID(), on: db) }
        }
    }

    /// Lifts a lockout after failed logins.
    func unlock(_ user: User) async throws {
        user.failedLogins = 0
        user.firstFailedAt = nil
        user.lockedUntil = nil
        try await user.save(on: database)
        try await audit.record("user.unlocked", entity: "user", id: user.id?.uuidString, summary: "Снята блокировка входа \(user.login)")
    }

    private func validate(_ draft: UserDraft, existingID: UUID?) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let login = User.normalize(login: draft.login)
        if existingID == nil {
            if !LoginRule.isValid(login) {
                problems.append(FieldProblem(field: "login", key: "user.login.invalid"))
            } else if try await User.query(on: database).filter(\.$login == login).first() != nil {
                problems.append(FieldProblem(field: "login", key: "user.login.taken"))
            }
        }
        if draft.fullName.trimmed.isEmpty { problems.append(FieldProblem(field: "fullName", key: "field.required")) }
        if !EmailAddress.isValid(draft.email.trimmed) { problems.append(FieldProblem(field: "email", key: "field.email.invalid")) }
        if try await Role.query(on: database).filter(\.$code == draft.roleCode).first() == nil {
            problems.append(FieldProblem(field: "role", key: "user.role.unknown"))
        }
        if let officeID = draft.officeID {
            let office = try await Office.find(officeID, on: database)
            if office == nil || office?.$agency.id != draft.agencyID {
                problems.append(FieldProblem(field: "office", key: "user.office.not_in_agency"))
            }
        }
        if let agencyID = draft.agencyID, try await Agency.find(agencyID, on: database) == nil {
            problems.append(FieldProblem(field: "agency", key: "user.agency.unknown"))
        }
        return problems
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
