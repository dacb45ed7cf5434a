import Testing
@testable import KabinetDomain

/// Module-by-module comparison with segno for the inputs the payment page actually renders.
@Suite struct QRReferenceTests {
    static let maskFixtures: [QRReference] = [
        .kabinetMask0, .kabinetMask1, .kabinetMask2, .kabinetMask3,
        .kabinetMask4, .kabinetMask5, .kabinetMask6, .kabinetMask7,
    ]
    /// Fixtures whose version and mask segno chose itself, so our automatic choice must agree.
    static let automaticFixtures: [QRReference] = [.sbpLink, .cyrillicPurpose, .sbpLinkHigh]

    @Test(arguments: maskFixtures + automaticFixtures + [.longURLVersion20])
    func forcedVersionAndMaskMatchReference(_ reference: QRReference) throws {
        // given the reference's version and mask
        // when
        let code = try QRCode(encoding: reference.text, correction: reference.correction,
                              version: reference.version, mask: reference.mask)
        // then
        #expect(code.size == reference.rows.count)
        let mismatch = reference.firstMismatch(with: code)
        #expect(mismatch == nil, "first differing module at \(String(describing: mismatch))")
    }

    @Test(arguments: automaticFixtures)
    func automaticVersionAndMaskMatchReference(_ reference: QRReference) throws {
        // when nothing is forced
        let code = try QRCode(encoding: reference.text, correction: reference.correction)
        // then
        #expect(code.version == reference.version)
        #expect(code.mask == reference.mask)
        #expect(reference.firstMismatch(with: code) == nil)
    }

    @Test func automaticMaskAtForcedVersion20MatchesReference() throws {
        let reference = QRReference.longURLVersion20
        let code = try QRCode(encoding: reference.text, correction: reference.correction, version: 20)
        #expect(code.mask == reference.mask)
        #expect(reference.firstMismatch(with: code) == nil)
    }

    @Test func automaticMaskForShortTextMatchesReference() throws {
        // given segno's own choice for "Kabinet" at 1-M
        let reference = Self.maskFixtures[QRReference.kabinetAutomaticMask]
        // when
        let code = try QRCode(encoding: "Kabinet")
        // then
        #expect(code.version == 1)
        #expect(code.mask == QRReference.kabinetAutomaticMask)
        #expect(reference.firstMismatch(with: code) == nil)
    }

    @Test func paymentInputsHaveTheExpectedByteLengths() {
        // The СБП link fills 6-M exactly (106 of 106 bytes); the Cyrillic text is 2 bytes per letter.
        #expect(QRReference.sbpLink.text.utf8.count == 106)
        #expect(QRReference.cyrillicPurpose.text.utf8.count == 45)
        #expect(QRReference.longURLVersion20.text.utf8.count >= 290)
    }
}

/// Every version 1–40 at every level: automatic version, automatic mask and the whole matrix
/// (by hash) agree with segno.
@Suite struct QRHashedReferenceTests {
    @Test(arguments: QRHashedReference.levelsLM + QRHashedReference.levelsQH)
    func matchesReference(_ reference: QRHashedReference) throws {
        // when
        let code = try QRCode(encoding: reference.text, correction: reference.correction)
        // then
        #expect(code.version == reference.version)
        #expect(code.mask == reference.mask)
        #expect(QRHashedReference.hash(of: code) == reference.hash)
    }
}
