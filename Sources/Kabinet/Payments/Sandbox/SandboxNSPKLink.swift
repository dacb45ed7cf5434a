import Foundation

/// СБП links in the format the National Payment Card System (NSPK) gives to providers:
/// `https://qr.nspk.ru/AS1000…?type=02&bank=100000000111&sum=<kopecks>&cur=RUB&crc=XXXX`. The sandbox makes
/// its links the same shape so the QR code on the pay page is what a real bank app would scan.
///
/// A bank app resolves the id at qr.nspk.ru; in the sandbox there is no bank, so the portal plays NSPK for its
/// own ids: the same path under `{baseURL}/sandbox/nspk/` redirects to the sandbox's payment page.
enum SandboxNSPKLink {
    static let host = "https://qr.nspk.ru/"
    static let sandboxPath = "/sandbox/nspk/"
    /// The sandbox «bank» (100000000111 is the NSPK member id Sberbank uses in its examples).
    static let bank = "100000000111"

    /// «AS» (static, sum in the link) + «1000» + 26 characters: 32 like real NSPK ids.
    static func newQRCID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return "AS1000" + String((0..<26).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    static func make(qrcID: String, amountMinor: Int64, currency: String) -> String {
        let unsigned = "\(host)\(qrcID)?type=02&bank=\(bank)&sum=\(amountMinor)&cur=\(currency)"
        return unsigned + "&crc=" + crc16(unsigned)
    }

    /// The same link pointing at the portal's stand-in for qr.nspk.ru.
    static func sandboxURL(for payload: String, baseURL: String) -> String {
        guard payload.hasPrefix(host) else { return payload }
        return baseURL + sandboxPath + payload.dropFirst(host.count)
    }

    /// CRC-16/CCITT-FALSE of the link before `&crc=`, four upper-case hex digits (a checksum, not security).
    static func crc16(_ text: String) -> String {
        var crc: UInt16 = 0xFFFF
        for byte in text.utf8 {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return String(format: "%04X", crc)
    }
}
