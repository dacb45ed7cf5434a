import Foundation

/// Why a font file could not be used; thrown instead of crashing on a truncated or odd file.
public enum TrueTypeError: Error, Equatable, Sendable {
    case unreadable(path: String)
    case truncated
    case notTrueType
    case missingTable(String)
    case unsupported(String)
}

/// Bounds-checked big-endian reads over the raw bytes of a font.
///
/// TrueType stores every integer big-endian; a malformed offset must surface as
/// `TrueTypeError.truncated`, never as an out-of-range trap in a web request.
struct BigEndianBytes: Sendable {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func u8(_ at: Int) throws -> UInt8 {
        guard at >= 0, at < bytes.count else { throw TrueTypeError.truncated }
        return bytes[at]
    }

    func u16(_ at: Int) throws -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { throw TrueTypeError.truncated }
        return UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }

    func i16(_ at: Int) throws -> Int16 {
        Int16(bitPattern: try u16(at))
    }

    func u32(_ at: Int) throws -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { throw TrueTypeError.truncated }
        return UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    func slice(_ at: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        guard at >= 0, length >= 0, at + length <= bytes.count else { throw TrueTypeError.truncated }
        return bytes[at..<(at + length)]
    }
}

/// Appending big-endian integers, used when rebuilding the subset font tables.
extension Array where Element == UInt8 {
    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendI16(_ value: Int16) {
        appendU16(UInt16(bitPattern: value))
    }

    mutating func appendU32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }

    /// Overwrites a big-endian UInt16 in place (e.g. numGlyphs in a copied maxp).
    mutating func setU16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(value >> 24)
        self[offset + 1] = UInt8((value >> 16) & 0xFF)
        self[offset + 2] = UInt8((value >> 8) & 0xFF)
        self[offset + 3] = UInt8(value & 0xFF)
    }
}
