import CZlib
import Foundation

/// Writes a ZIP archive front to back, deflating each entry while its bytes arrive: an XLSX sheet of a million
/// rows goes from the row buffer through zlib into the file, never whole in memory or in a temporary file.
///
/// Entries use a data descriptor (sizes and CRC-32 after the data, general purpose bit 3) and UTF-8 names
/// (bit 11); zlib's fastest level, which on spreadsheet XML is several times faster than the default and still
/// shrinks it about sevenfold. No ZIP64: an entry or the archive past 4 GB is refused (a sheet holds at most
/// 1 048 576 rows, well below that).
final class ZipStreamWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct Entry {
        var name: [UInt8]
        var offset: UInt32
        var crc: UInt32 = 0
        var compressed: UInt64 = 0
        var uncompressed: UInt64 = 0
    }

    private let handle: FileHandle
    private var offset: UInt64 = 0
    private var entries: [Entry] = []
    private var current: Entry?
    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 256 * 1024)
    /// The archive's timestamp in MS-DOS form (time, date), the same for every entry.
    private let dosTime: (UInt16, UInt16)

    init(path: String, now: Date = Date()) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        dosTime = Self.dosTime(now)
    }

    deinit {
        if current != nil { deflateEnd(&stream) }  // zlib's state is not Swift memory
    }

    /// Starts an entry; `write` its bytes, then `endEntry`.
    func beginEntry(_ name: String) throws {
        guard current == nil else { throw Failure(description: "ZIP entry \(name) begun inside another") }
        let entry = Entry(name: Array(name.utf8), offset: try small(offset))
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)  // version needed: deflate
        header.le16(0x0808)  // data descriptor follows, UTF-8 name
        header.le16(8)  // deflate
        header.le16(dosTime.0)
        header.le16(dosTime.1)
        header.le32(0)  // CRC-32, sizes: in the data descriptor
        header.le32(0)
        header.le32(0)
        header.le16(UInt16(entry.name.count))
        header.le16(0)
        header += entry.name
        try put(header)
        stream = z_stream()
        let status = deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(description: "deflateInit2 failed: \(status)") }
        current = entry
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var entry = current else { throw Failure(description: "ZIP data outside an entry") }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        entry.crc = UInt32(crc32(UInt(entry.crc), base, UInt32(bytes.count)))
        entry.uncompressed += UInt64(bytes.count)
        current = entry
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = UInt32(bytes.count)
        try deflateAll(Z_NO_FLUSH)
    }

    func endEntry() throws {
        guard var entry = current else { return }
        stream.next_in = nil
        stream.avail_in = 0
        try deflateAll(Z_FINISH)
        entry.compressed = UInt64(stream.total_out)
        deflateEnd(&stream)
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4B50)
        descriptor.le32(entry.crc)
        descriptor.le32(try small(entry.compressed))
        descriptor.le32(try small(entry.uncompressed))
        try put(descriptor)
        entries.append(entry)
        current = nil
    }

    /// A whole small entry at once.
    func addEntry(_ name: String, _ text: String) throws {
        try beginEntry(name)
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { try write(UnsafeBufferPointer($0)) }
        try endEntry()
    }

    /// Writes the central directory and closes the file.
    func finish() throws {
        try endEntry()
        let start = offset
        for entry in entries {
            var record: [UInt8] = []
            record.le32(0x0201_4B50)
            record.le16(0x031E)  // made by: Unix, 3.0
            record.le16(20)
            record.le16(0x0808)
            record.le16(8)
            record.le16(dosTime.0)
            record.le16(dosTime.1)
            record.le32(entry.crc)
            record.le32(try small(entry.compressed))
            record.le32(try small(entry.uncompressed))
            record.le16(UInt16(entry.name.count))
            record.le16(0)  // extra
            record.le16(0)  // comment
            record.le16(0)  // disk
            record.le16(0)  // internal attributes
            record.le32(0o100644 << 16)  // a regular file, rw-r--r--
            record.le32(entry.offset)
            record += entry.name
            try put(record)
        }
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(entries.count))
        end.le16(UInt16(entries.count))
        end.le32(try small(offset - start))
        end.le32(try small(start))
        end.le16(0)
        try put(end)
        try handle.close()
    }

    /// Closes the file without finishing the archive (the caller removes it).
    func abandon() {
        if current != nil { deflateEnd(&stream) }
        current = nil
        try? handle.close()
    }

    private func deflateAll(_ flush: Int32) throws {
        try output.withUnsafeMutableBufferPointer { buffer in
            repeat {
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let status = deflate(&stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw Failure(description: "deflate failed: \(status)")
                }
                let produced = buffer.count - Int(stream.avail_out)
                if produced > 0 { try put(UnsafeBufferPointer(rebasing: buffer[..<produced])) }
                if flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_out > 0 { break }
            } while true
        }
    }

    private func put(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try put($0) }
    }

    private func put(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try handle.write(contentsOf: bytes)
        offset += UInt64(bytes.count)
    }

    private func small(_ value: UInt64) throws -> UInt32 {
        guard value < UInt64(UInt32.max) else { throw Failure(description: "ZIP archive past 4 GB") }
        return UInt32(value)
    }

    static func dosTime(_ date: Date) -> (UInt16, UInt16) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let time = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
        let day = max(0, (parts.year ?? 1980) - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)
        return (UInt16(time), UInt16(day))
    }
}

private extension Array where Element == UInt8 {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
