/// Error-correction level of a QR symbol (ISO/IEC 18004 §5.1.2).
///
/// Lives next to `QRCode` because the level is chosen by the caller (payment QR: `.medium`,
/// the level banks' apps and the СБП guidelines expect) and echoed back in the result.
public enum QRCorrection: Int, Sendable, CaseIterable, Equatable, CustomStringConvertible {
    /// ~7 % of codewords recoverable: the densest symbol.
    case low
    /// ~15 %: the default, a balance of size and robustness for screens and paper.
    case medium
    /// ~25 %.
    case quartile
    /// ~30 %: for damaged prints or a logo drawn over the centre.
    case high

    /// Two-bit level indicator written into the format information (Table 12).
    /// The order L=01, M=00, Q=11, H=10 is the standard's, not alphabetical.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    public var description: String {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }
}
