import Foundation

/// The form's buttons. «Добавить +» and «Удалить» are submit buttons handled on the server, so repeated blocks
/// work without JavaScript and nothing typed is lost: the page comes back with one block more or less.
enum ContractFormAction: Equatable {
    case save
    /// «Назад»: keep what was typed and return to the quote (or the card).
    case back
    case addInsured
    case removeInsured(Int)
    case addBeneficiary
    case removeBeneficiary(Int)

    /// Enter in a text field posts the first button of the form, which is a hidden «Сохранить».
    init(_ raw: String?) {
        let value = raw ?? "save"
        switch value {
        case "back": self = .back
        case "add-insured": self = .addInsured
        case "add-beneficiary": self = .addBeneficiary
        case _ where value.hasPrefix("remove-insured-"):
            self = Int(value.dropFirst("remove-insured-".count)).map(Self.removeInsured) ?? .save
        case _ where value.hasPrefix("remove-beneficiary-"):
            self = Int(value.dropFirst("remove-beneficiary-".count)).map(Self.removeBeneficiary) ?? .save
        default: self = .save
        }
    }

    /// Whether the button only reshapes the form (no validation, no saving).
    var reshapesForm: Bool { self != .save && self != .back }
}

extension ContractForm {
    /// The form after an add/remove button. The first insured (the one priced) cannot be removed; the
    /// policyholder's choice follows the insured it pointed at, or falls back to the first.
    func applying(_ action: ContractFormAction) -> ContractForm {
        var form = self
        var insured = insuredList
        var beneficiaries = beneficiaryList
        switch action {
        case .addInsured:
            insured.append(.blank)
        case .removeInsured(let index) where index > 0 && index < insured.count:
            insured.remove(at: index)
            if var holder = form.policyholder, let chosen = Int(holder.insuredIndex ?? "") {
                holder.insuredIndex = String(chosen == index ? 0 : (chosen > index ? chosen - 1 : chosen))
                form.policyholder = holder
            }
        case .addBeneficiary:
            beneficiaries.append(BeneficiaryForm())
        case .removeBeneficiary(let index) where beneficiaries.indices.contains(index):
            beneficiaries.remove(at: index)
        default:
            break
        }
        form.setInsured(insured)
        form.setBeneficiaries(beneficiaries)
        return form
    }
}
