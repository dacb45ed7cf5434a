import Testing
@testable import KabinetDomain

/// Building blocks checked against values printed in ISO/IEC 18004 (tables and Annex I example).
@Suite struct QRInternalsTests {
    @Test func versionCapacitiesMatchTable7() {
        // Byte-mode capacities from Table 7.
        #expect(QRVersion(number: 1, correction: .low).byteCapacity == 17)
        #expect(QRVersion(number: 1, correction: .high).byteCapacity == 7)
        #expect(QRVersion(number: 10, correction: .medium).byteCapacity == 213)
        #expect(QRVersion(number: 20, correction: .quartile).byteCapacity == 482)
        #expect(QRVersion(number: 40, correction: .high).byteCapacity == 1273)
        #expect(QRVersion(number: 40, correction: .low).totalCodewords == 3706)
    }

    @Test func formatAndVersionBitsMatchAnnexes() {
        // Annex C: M with mask 0 is the bare XOR mask; Annex D: version 7 → 0x07C94.
        #expect(QRFormatInformation.formatBits(correction: .medium, mask: 0) == 0x5412)
        #expect(QRFormatInformation.formatBits(correction: .low, mask: 0) == 0x77C4)
        #expect(QRFormatInformation.formatBits(correction: .high, mask: 7) == 0x083B)
        #expect(QRFormatInformation.versionBits(version: 7) == 0x07C94)
        #expect(QRFormatInformation.versionBits(version: 40) == 0x28C69)
    }

    @Test func reedSolomonMatchesAnnexIExample() {
        // Annex I: "01234567" at 1-M; its 16 data codewords give these 10 EC codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                             0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ec = QRReedSolomon.remainder(of: data, generator: QRReedSolomon.generator(degree: 10))
        #expect(ec == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func dataCodewordsArePaddedAlternately() {
        let version = QRVersion(number: 1, correction: .high)
        // 4 mode + 8 count + 8 data + 4 terminator = 3 bytes, then EC 11 EC 11 … to 9 codewords.
        #expect(QRDataEncoder.dataCodewords(for: [0x41], version: version)
            == [0x40, 0x14, 0x10, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test func penaltyRulesScoreKnownLines() {
        #expect(QRPenalty.runPenalty([true, true, true, true, true, false]) == 3)
        #expect(QRPenalty.runPenalty([true, true, true, true, true, true, true]) == 5)
        #expect(QRPenalty.runPenalty([true, false, true, true]) == 0)
        let finder: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        #expect(QRPenalty.finderLikePenalty(light + finder + [true]) == 40)
        #expect(QRPenalty.finderLikePenalty([true] + finder + [true]) == 0)
        #expect(QRPenalty.finderLikePenalty([true] + finder) == 40)  // the edge counts as light
    }
}
