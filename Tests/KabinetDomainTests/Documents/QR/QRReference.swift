import Testing
@testable import KabinetDomain

/// A symbol produced by segno, the independent reference encoder, stored module by module.
///
/// Kept as rows of "1"/"0" so a failing comparison can point at the exact module and a human
/// can diff the fixture against `QRReference.rows(of:)` output.
struct QRReference: Sendable, CustomTestStringConvertible {
    let text: String
    let correction: QRCorrection
    let version: Int
    let mask: Int
    let rows: [String]

    var testDescription: String { "\(version)-\(correction) mask \(mask): \(text.prefix(30))" }

    /// First differing module as (x, y), or nil when the matrices are identical.
    func firstMismatch(with code: QRCode) -> (x: Int, y: Int)? {
        let ours = Self.rows(of: code)
        for (y, row) in rows.enumerated() {
            let expected = Array(row), actual = Array(ours[y])
            if let x = expected.indices.first(where: { expected[$0] != actual[$0] }) { return (x, y) }
        }
        return nil
    }

    static func rows(of code: QRCode) -> [String] {
        code.modules.map { row in String(row.map { $0 ? "1" : "0" }) }
    }
}

/// A reference symbol summarised by its automatic version, mask and a hash of its matrix, so
/// all 40 versions × 4 levels fit in a table instead of megabytes of fixtures.
struct QRHashedReference: Sendable, CustomTestStringConvertible {
    /// Input alphabet: URL-safe ASCII, cycled to the needed length (byte mode is forced anyway).
    static let cycle = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~/?=&"

    let correction: QRCorrection
    let bytes: Int
    let version: Int
    let mask: Int
    let hash: UInt64

    init(_ correction: QRCorrection, bytes: Int, version: Int, mask: Int, hash: UInt64) {
        self.correction = correction
        self.bytes = bytes
        self.version = version
        self.mask = mask
        self.hash = hash
    }

    var text: String { String(String(repeating: Self.cycle, count: bytes / Self.cycle.count + 1).prefix(bytes)) }

    var testDescription: String { "\(version)-\(correction), \(bytes) bytes" }

    /// FNV-1a 64 over the rows joined as "1"/"0" characters — same as the generator's Python.
    static func hash(of code: QRCode) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for row in code.modules {
            for dark in row {
                hash = (hash ^ (dark ? 0x31 : 0x30)) &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }
}
