/// Where an agent act is in its review: made by the job or the back office, then approved or sent back.
public enum ActStatus: String, CaseIterable, Codable, Sendable {
    /// «Сформирован»: waiting for the back office.
    case generated
    /// «Утвержден»: final; the act no longer changes.
    case approved
    /// «Возвращен на доработку»: the back office found a problem (the comment says which); regenerating the act
    /// recomputes it and puts it back to «Сформирован».
    case returned

    /// The back office decides only on an act that waits for it.
    public var canDecide: Bool { self == .generated }

    /// Generating again changes only a returned act: a pending one is already current and an approved one is final,
    /// which is what makes generation idempotent.
    public var canRegenerate: Bool { self == .returned }
}
