/// The words of an event (its action, an application's status) as the OpenAPI document's enums list them. The
/// document is the contract with the receiving systems: a word it does not list is a bug here, never something to
/// send anyway. Tests check that every word the portal uses is listed.
enum WebhookVocabulary {
    struct Undocumented: Error, CustomStringConvertible {
        var word: String
        var list: String
        var description: String { "'\(word)' is not in the OpenAPI document's \(list)" }
    }

    static func documented<Word: RawRepresentable<String>>(_ type: Word.Type, _ word: String) throws -> Word {
        guard let documented = Word(rawValue: word) else { throw Undocumented(word: word, list: String(describing: Word.self)) }
        return documented
    }
}
