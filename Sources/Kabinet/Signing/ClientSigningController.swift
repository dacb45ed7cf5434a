import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The client's public pages of the signing, reached only through the e-mailed links: confirm the e-mail with
/// the phone, then request and enter the SMS code. The link's token is the whole state; nothing is in cookies.
struct ClientSigningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let email = routes.grouped("sign", "email", ":token")
        email.get(use: emailPage)
        email.post(use: confirmEmail)
        let code = routes.grouped("sign", "code", ":token")
        code.get(use: codePage)
        code.post("send", use: sendCode)
        code.post(use: enterCode)
        code.get("files", ":file", use: file)
    }

    struct EmailForm: Content { var phone: String? }
    struct CodeForm: Content { var code: String? }

    struct PageContent: Encodable {
        var token: String
        var number: String
        var phoneHint: String
        var phone: String = ""
        var error: String?
        /// The final word of the page: e-mail confirmed, contract signed.
        var done: String?
        var info: String?
        var documents: [Document] = []
        var codeSent = false
    }

    struct Document: Encodable {
        var url: String
        var filename: String
        var size: String
    }

    // MARK: e-mail confirmation

    func emailPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        switch try await ContractLinks(database: req.db).find(token, purpose: .confirmEmail) {
        case .valid(let link, let contract):
            let service = SigningService(database: req.db, application: req.application)
            if let signing = try await link.signingID.asyncMap({ try await Signing.find($0, on: req.db) }) ?? nil {
                try await service.record(.emailLinkOpened, signing, ClientVisit(req))
            }
            return try await emailForm(req, token: token, contract: contract)
        case .used(let link, _):
            let email = try await link.signingID.asyncMap({ try await Signing.find($0, on: req.db)?.email }) ?? nil
            return try await problem(req, key: "signing.link.used_email", email ?? "", status: .ok)
        case .expired: return try await problem(req, key: "signing.link.expired")
        case .revoked: return try await problem(req, key: "signing.link.revoked")
        case .unknown: return try await problem(req, key: "signing.link.unknown", status: .notFound)
        }
    }

    func confirmEmail(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard case .valid(let link, let contract) = try await ContractLinks(database: req.db).find(token, purpose: .confirmEmail)
        else { return try await emailPage(req: req) }
        let typed = try req.content.decode(EmailForm.self).phone ?? ""
        let service = SigningService(database: req.db, application: req.application)
        switch try await service.confirmEmail(link, contract: contract, phone: typed, visit: ClientVisit(req)) {
        case .success(let email):
            var content = PageContent(token: token, number: contract.number ?? "", phoneHint: "")
            content.done = req.t("signing.email_confirmed", email)
            return try await req.page("signing/email", title: "signing.email.title", content)
        case .failure(let refusal):
            return try await emailForm(req, token: token, contract: contract, typed: typed, refusal: refusal)
        }
    }

    private func emailForm(_ req: Request, token: String, contract: Contract, typed: String = "",
                           refusal: SigningRefusal? = nil) async throws -> Response {
        var content = PageContent(token: token, number: contract.number ?? "", phoneHint: req.t("signing.phone.hint"))
        content.phone = typed
        content.error = refusal.map { req.t($0.message.key, $0.message.arguments) }
        let status: HTTPStatus = refusal == nil ? .ok : (refusal == .phoneBlocked ? .tooManyRequests : .unprocessableEntity)
        return try await req.page("signing/email", title: "signing.email.title", content, status: status)
    }

    // MARK: SMS code

    /// The sign link of a live signing, or the page that explains why there is none.
    private func signingOf(_ req: Request) async throws -> (String, Signing, Contract)? {
        let token = req.parameters.get("token") ?? ""
        guard case .valid(let link, let contract) = try await ContractLinks(database: req.db).find(token, purpose: .sign),
            let signingID = link.signingID, let signing = try await Signing.find(signingID, on: req.db)
        else { return nil }
        return (token, signing, contract)
    }

    func codePage(req: Request) async throws -> Response {
        guard let (token, signing, contract) = try await signingOf(req) else { return try await linkProblem(req, .sign) }
        return try await codeForm(req, token: token, signing: signing, contract: contract)
    }

    func sendCode(req: Request) async throws -> Response {
        guard let (token, signing, contract) = try await signingOf(req) else { return try await linkProblem(req, .sign) }
        let service = SigningService(database: req.db, application: req.application)
        switch try await service.sendCode(signing, contract: contract, visit: ClientVisit(req)) {
        case .success:
            return try await codeForm(req, token: token, signing: signing, contract: contract,
                                      info: req.t("signing.code.sent", Self.masked(signing.phone)), codeSent: true)
        case .failure(let refusal):
            return try await codeForm(req, token: token, signing: signing, contract: contract, refusal: refusal)
        }
    }

    func enterCode(req: Request) async throws -> Response {
        guard let (token, signing, contract) = try await signingOf(req) else { return try await linkProblem(req, .sign) }
        let typed = try req.content.decode(CodeForm.self).code ?? ""
        let service = SigningService(database: req.db, application: req.application)
        switch try await service.enterCode(signing, contract: contract, code: typed, visit: ClientVisit(req)) {
        case .success:
            return try await codeForm(req, token: token, signing: signing, contract: contract)
        case .failure(let refusal):
            return try await codeForm(req, token: token, signing: signing, contract: contract, refusal: refusal, codeSent: true)
        }
    }

    private func codeForm(_ req: Request, token: String, signing: Signing, contract: Contract, info: String? = nil,
                          refusal: SigningRefusal? = nil, codeSent: Bool = false) async throws -> Response {
        var content = PageContent(token: token, number: contract.number ?? "", phoneHint: Self.masked(signing.phone))
        content.info = info
        content.codeSent = codeSent
        content.error = refusal.map { req.t($0.message.key, $0.message.arguments) }
        if contract.contractStatus.isSigned {
            content.done = req.t("signing.signed", signing.email)
            content.error = nil
        } else if contract.contractStatus != .draft {
            content.error = req.t("signing.refused.closed", req.t(contract.contractStatus.messageKey))
        }
        let documents = ContractDocuments(application: req.application, database: req.db)
        content.documents = try await documents.forClient(contract).map {
            Document(url: "/sign/code/\(token)/files/\($0.id!)", filename: $0.filename, size: "\(max(1, $0.size / 1024)) KB")
        }
        let status: HTTPStatus = switch refusal {
        case nil: .ok
        case .resend?: .tooManyRequests
        default: .unprocessableEntity
        }
        return try await req.page("signing/code", title: "signing.code.title", content, status: status)
    }

    func file(req: Request) async throws -> Response {
        guard let (_, _, contract) = try await signingOf(req), let fileID = req.parameters.get("file", as: UUID.self)
        else { throw AppError.notFound }
        let documents = ContractDocuments(application: req.application, database: req.db)
        guard let file = try await documents.forClient(contract).first(where: { $0.id == fileID }) else { throw AppError.notFound }
        return file.download()
    }

    // MARK: problems

    private func linkProblem(_ req: Request, _ purpose: ContractLink.Purpose) async throws -> Response {
        switch try await ContractLinks(database: req.db).find(req.parameters.get("token") ?? "", purpose: purpose) {
        case .expired: return try await problem(req, key: "signing.link.expired")
        case .revoked: return try await problem(req, key: "signing.link.revoked")
        default: return try await problem(req, key: "signing.link.unknown", status: .notFound)
        }
    }

    private func problem(_ req: Request, key: String, _ argument: String = "", status: HTTPStatus = .gone) async throws -> Response {
        try await LinkProblemPage(message: req.t(key, argument), testID: "signing-problem")
            .render(req, title: "signing.problem.title", status: status)
    }

    /// «+7 (916) ***-**-67»: enough for the client to recognise the number, not enough to learn it.
    static func masked(_ digits: String) -> String {
        guard digits.count == 10 else { return "" }
        let characters = Array(digits)
        return "+7\u{00A0}(\(String(characters[0..<3])))\u{00A0}***-**-\(String(characters[8..<10]))"
    }
}
