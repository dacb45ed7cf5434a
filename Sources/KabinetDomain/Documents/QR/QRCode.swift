/// A QR Code symbol (ISO/IEC 18004, model 2) as a square matrix of dark/light modules.
///
/// Used for the СБП payment QR: the payment page embeds `svg(…)` inline, the PDF renderer draws
/// `modules` itself. Pure value type, no I/O, so both share one encoder and one set of tests.
///
/// Content is always encoded in byte mode as UTF-8 without an ECI header (see `QRDataEncoder`).
public struct QRCode: Sendable, Equatable {
    /// Lets call sites write `QRCode.Correction.high` as well as `.high`.
    public typealias Correction = QRCorrection

    /// Symbol version 1…40; the size is `4 · version + 17`.
    public let version: Int
    /// Error-correction level the symbol was built with.
    public let correction: QRCorrection
    /// Data mask pattern 0…7 (chosen by lowest penalty unless forced).
    public let mask: Int
    /// Modules per side, quiet zone not included.
    public let size: Int
    /// Row-major dark flags: index `y * size + x`.
    private let dark: [Bool]

    /// Encodes `text` as UTF-8.
    /// - Parameters:
    ///   - correction: error-correction level, `.medium` by default.
    ///   - version: force a version (1…40); `nil` picks the smallest that fits.
    ///   - mask: force a mask pattern (0…7); `nil` picks the one with the lowest penalty.
    /// - Throws: `QRCodeError.dataTooLong` when the text does not fit (any version, or the forced one).
    public init(encoding text: String, correction: QRCorrection = .medium, version: Int? = nil, mask: Int? = nil) throws {
        try self.init(bytes: Array(text.utf8), correction: correction, version: version, mask: mask)
    }

    /// Encodes raw bytes in byte mode; same rules as `init(encoding:…)`.
    public init(bytes: [UInt8], correction: QRCorrection = .medium, version: Int? = nil, mask: Int? = nil) throws {
        let chosen = try Self.version(for: bytes.count, correction: correction, forced: version)
        if let mask, !(0...7).contains(mask) { throw QRCodeError.invalidMask(mask) }

        let data = QRDataEncoder.dataCodewords(for: bytes, version: chosen)
        let codewords = QRBlockInterleaver.finalMessage(data: data, version: chosen)
        var matrix = QRMatrix(size: chosen.size)
        QRFunctionPatterns.draw(into: &matrix, version: chosen)
        QRDataPlacement.place(codewords, into: &matrix)

        let bestMask = mask ?? Self.lowestPenaltyMask(for: matrix)
        QRDataPlacement.applyMask(bestMask, to: &matrix)
        QRFormatInformation.write(into: &matrix, version: chosen, mask: bestMask)

        self.version = chosen.number
        self.correction = correction
        self.mask = bestMask
        self.size = chosen.size
        self.dark = (0..<(chosen.size * chosen.size)).map { matrix[$0 % chosen.size, $0 / chosen.size] }
    }

    /// Whether the module in column `x`, row `y` (origin top-left) is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "module outside the symbol")
        return dark[y * size + x]
    }

    /// Rows top to bottom, each left to right; `true` = dark.
    public var modules: [[Bool]] {
        (0..<size).map { y in Array(dark[(y * size)..<((y + 1) * size)]) }
    }

    /// Largest UTF-8 payload in bytes that fits any version at `correction` (2953 at L).
    public static func maximumByteCount(correction: QRCorrection) -> Int {
        QRVersion(number: 40, correction: correction).byteCapacity
    }

    private static func version(for byteCount: Int, correction: QRCorrection, forced: Int?) throws -> QRVersion {
        guard let forced else {
            guard let version = QRDataEncoder.smallestVersion(for: byteCount, correction: correction) else {
                throw QRCodeError.dataTooLong(byteCount: byteCount, maximum: maximumByteCount(correction: correction))
            }
            return version
        }
        guard QRVersion.range.contains(forced) else { throw QRCodeError.invalidVersion(forced) }
        let version = QRVersion(number: forced, correction: correction)
        guard version.byteCapacity >= byteCount else {
            throw QRCodeError.dataTooLong(byteCount: byteCount, maximum: version.byteCapacity)
        }
        return version
    }

    /// Tries all eight masks on the unmasked matrix (format/version areas still light) and keeps
    /// the first with the lowest penalty, as the standard and the reference encoder do.
    private static func lowestPenaltyMask(for matrix: QRMatrix) -> Int {
        var best = (mask: 0, score: Int.max)
        for mask in 0...7 {
            var candidate = matrix
            QRDataPlacement.applyMask(mask, to: &candidate)
            let score = QRPenalty.score(candidate)
            if score < best.score { best = (mask, score) }
        }
        return best.mask
    }
}

/// Why a QR code could not be built.
public enum QRCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The payload needs more bytes than the symbol (or the largest version) can carry.
    case dataTooLong(byteCount: Int, maximum: Int)
    /// A forced version outside 1…40.
    case invalidVersion(Int)
    /// A forced mask outside 0…7.
    case invalidMask(Int)

    public var description: String {
        switch self {
        case let .dataTooLong(count, maximum):
            "QR code data too long: \(count) bytes, at most \(maximum) fit"
        case let .invalidVersion(version):
            "QR code version \(version) is outside 1…40"
        case let .invalidMask(mask):
            "QR code mask \(mask) is outside 0…7"
        }
    }
}
