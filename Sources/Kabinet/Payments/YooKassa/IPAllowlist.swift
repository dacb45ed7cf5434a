import Foundation

/// Exact addresses and IPv4 CIDR blocks ("185.71.76.0/27"), for the optional YooKassa notification allowlist
/// (`YOOKASSA_NOTIFICATION_IPS`). IPv6 entries match exactly only.
struct IPAllowlist: Sendable {
    let entries: [String]
    init(_ entries: [String]) { self.entries = entries }

    func contains(_ address: String?) -> Bool {
        guard let address else { return false }
        return entries.contains { entry in
            guard let slash = entry.firstIndex(of: "/") else { return entry == address }
            guard let bits = Int(entry[entry.index(after: slash)...]), (0...32).contains(bits),
                  let network = Self.ipv4(String(entry[..<slash])), let candidate = Self.ipv4(address)
            else { return false }
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            return network & mask == candidate & mask
        }
    }

    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".")
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }
}
