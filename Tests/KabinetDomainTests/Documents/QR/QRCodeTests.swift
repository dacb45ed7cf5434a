import Testing
@testable import KabinetDomain

/// Public API behaviour: capacity limits, errors, accessors.
@Suite struct QRCodeTests {
    @Test func tooLongInputThrowsWithTheLimit() {
        // given one byte more than version 40-M holds
        let maximum = QRCode.maximumByteCount(correction: .medium)
        let text = String(repeating: "a", count: maximum + 1)
        // when / then
        #expect(maximum == 2331)
        #expect(throws: QRCodeError.dataTooLong(byteCount: maximum + 1, maximum: maximum)) {
            try QRCode(encoding: text)
        }
    }

    @Test func maximumInputStillFits() throws {
        let code = try QRCode(encoding: String(repeating: "a", count: 2953), correction: .low)
        #expect(code.version == 40)
        #expect(code.size == 177)
    }

    @Test func cyrillicCountsUTF8Bytes() {
        // 1 273 two-byte letters = 2 546 bytes: fits L (2 953) but not H (1 273).
        let text = String(repeating: "ж", count: 1273)
        #expect(throws: QRCodeError.dataTooLong(byteCount: 2546, maximum: 1273)) {
            try QRCode(encoding: text, correction: .high)
        }
        #expect((try? QRCode(encoding: text, correction: .low)) != nil)
    }

    @Test func forcedVersionTooSmallThrows() {
        // Version 1-M holds 14 bytes.
        #expect(throws: QRCodeError.dataTooLong(byteCount: 15, maximum: 14)) {
            try QRCode(encoding: String(repeating: "x", count: 15), version: 1)
        }
        #expect((try? QRCode(encoding: String(repeating: "x", count: 14), version: 1)) != nil)
    }

    @Test func invalidVersionAndMaskAreRejected() {
        #expect(throws: QRCodeError.invalidVersion(0)) { try QRCode(encoding: "a", version: 0) }
        #expect(throws: QRCodeError.invalidVersion(41)) { try QRCode(encoding: "a", version: 41) }
        #expect(throws: QRCodeError.invalidMask(8)) { try QRCode(encoding: "a", mask: 8) }
        #expect(throws: QRCodeError.invalidMask(-1)) { try QRCode(encoding: "a", mask: -1) }
    }

    @Test func errorsReadWell() {
        #expect(QRCodeError.dataTooLong(byteCount: 3000, maximum: 2331).description
            == "QR code data too long: 3000 bytes, at most 2331 fit")
    }

    @Test func smallestVersionIsChosenPerLevel() throws {
        // The СБП link (106 bytes) needs 5-L, 6-M, 8-Q, 10-H.
        let link = QRReference.sbpLink.text
        let versions = try QRCorrection.allCases.map { try QRCode(encoding: link, correction: $0).version }
        #expect(versions == [5, 6, 8, 10])
        #expect(try QRCode(encoding: "").version == 1)
    }

    @Test func modulesAndSubscriptAgree() throws {
        let code = try QRCode(encoding: QRReference.cyrillicPurpose.text)
        let rows = code.modules
        #expect(rows.count == code.size && rows.allSatisfy { $0.count == code.size })
        for y in 0..<code.size {
            for x in 0..<code.size { #expect(rows[y][x] == code[x, y]) }
        }
        // Top-left finder corner dark, separator light, dark module set.
        #expect(code[0, 0] && !code[7, 0] && code[8, code.size - 8])
        #expect(code.correction == .medium)
    }

    @Test func bytesInitialiserMatchesText() throws {
        let text = QRReference.cyrillicPurpose.text
        #expect(try QRCode(bytes: Array(text.utf8)) == QRCode(encoding: text))
    }
}
