import Leaf
import Vapor

/// `#t("key")` or `#t("key", arg1, …)`: a text from the localisation table in the request's language.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw "#t needs a key" }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.application.localization.text(key, locale: request.locale, Array(arguments)))
    }
}

/// `#csrf()`: the token forms carry in their hidden `_csrf` field.
struct CSRFTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        .string(ctx.request?.csrfToken ?? "")
    }
}
