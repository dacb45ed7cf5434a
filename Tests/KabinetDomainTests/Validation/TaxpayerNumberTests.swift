import KabinetDomain
import Testing

@Suite("ИНН check digits")
struct TaxpayerNumberTests {
    @Test("Real 10-digit (organisation) and 12-digit (person) numbers pass", arguments: ["7707083893", "7728168971", "7830002293", "500100732259"])
    func valid(inn: String) {
        #expect(TaxpayerNumber.problem(inn) == nil)
    }

    @Test("One mistyped digit breaks the check digit", arguments: ["7707083894", "7707083839", "500100732258", "500100732269"])
    func checksum(inn: String) {
        #expect(TaxpayerNumber.problem(inn) == .checksum)
    }

    @Test("Anything but 10 or 12 ASCII digits is a format problem", arguments: ["", "770708389", "77070838931", "77070838a3", "７７０７０８３８９３", " 7707083893"])
    func format(text: String) {
        #expect(TaxpayerNumber.problem(text) == .format)
    }
}
