/// A JSON object whose members are plain strings, integers, booleans or arrays of strings, read without the
/// generic decoder.
///
/// The reader accepts a strict subset of JSON and gives up (nil) on everything else: escapes in strings,
/// fractions and exponents, null, nested objects, a repeated name, bytes that are not UTF-8, anything after the
/// object. A caller that gets nil hands the body to the generated decoder, which answers exactly as it always
/// does, so taking this road never changes what a body means or which error it gets.
struct FlatJSONObject: Equatable {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case strings([String])
    }

    private(set) var members: [String: Value] = [:]

    init?(_ bytes: ArraySlice<UInt8>) {
        guard let members = bytes.withUnsafeBufferPointer({ buffer in
            var reader = Reader(buffer: buffer)
            return reader.readObject()
        }) else { return nil }
        self.members = members
    }

    subscript(name: String) -> Value? { members[name] }

    /// Whether every member is one of `names` (a schema that allows no other properties).
    func hasOnly(_ names: Set<String>) -> Bool {
        members.keys.allSatisfy(names.contains)
    }

    /// Reads one byte buffer front to back; every method returns nil at the first byte outside the subset.
    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var index = 0

        /// More digits than this might not fit `Int`; such a number goes to the generic decoder.
        static let maxDigits = 18

        mutating func readObject() -> [String: Value]? {
            var members: [String: Value] = [:]
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    guard let name = readString() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard let value = readValue(), members.updateValue(value, forKey: name) == nil else { return nil }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipSpace()
            return index == buffer.count ? members : nil
        }

        private mutating func readValue() -> Value? {
            guard index < buffer.count else { return nil }
            switch buffer[index] {
            case UInt8(ascii: "\""): return readString().map(Value.string)
            case UInt8(ascii: "["): return readStrings().map(Value.strings)
            case UInt8(ascii: "t"): return take(word: "true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return take(word: "false") ? .bool(false) : nil
            default: return readInteger().map(Value.integer)
            }
        }

        private mutating func readStrings() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var strings: [String] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return strings }
            repeat {
                skipSpace()
                guard let string = readString() else { return nil }
                strings.append(string)
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? strings : nil
        }

        /// A string without escapes or control characters, valid UTF-8.
        private mutating func readString() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)` with no fraction or exponent after it.
        private mutating func readInteger() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            var value = 0
            while index < buffer.count, let digit = Self.digit(buffer[index]) {
                guard index - start < Self.maxDigits else { return nil }
                value = value * 10 + digit
                index += 1
            }
            let count = index - start
            guard count > 0, count == 1 || buffer[start] != UInt8(ascii: "0") else { return nil }
            if index < buffer.count {
                switch buffer[index] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
                default: break
                }
            }
            return negative ? -value : value
        }

        private static func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < buffer.count, buffer[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func take(word: StaticString) -> Bool {
            word.withUTF8Buffer { word in
                guard buffer.count - index >= word.count, buffer[index..<index + word.count].elementsEqual(word) else { return false }
                index += word.count
                return true
            }
        }

        /// JSON's four whitespace bytes.
        private mutating func skipSpace() {
            while index < buffer.count {
                switch buffer[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }
    }
}
