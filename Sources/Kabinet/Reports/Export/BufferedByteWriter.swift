import Foundation

/// Collects bytes in a fixed-size buffer and hands them on once it is full — to a file (a CSV) or to a deflating
/// ZIP entry (an XLSX sheet) — so a report of a million rows costs one hand-over per 256 KB instead of one per
/// row, and memory stays at the buffer whatever the output grows to.
///
/// A sink writes a whole row inside one `append { bytes in … }`: the formatting helpers on `[UInt8]`
/// (`ReportBytes.swift`) then work on a plain `inout` array, without an exclusivity check per byte.
final class BufferedByteWriter {
    typealias Destination = (UnsafeBufferPointer<UInt8>) throws -> Void

    private var buffer: [UInt8] = []
    private let capacity: Int
    private let destination: Destination
    private let closing: () throws -> Void

    init(capacity: Int = 256 * 1024, destination: @escaping Destination, closing: @escaping () throws -> Void = {}) {
        self.capacity = capacity
        self.destination = destination
        self.closing = closing
        buffer.reserveCapacity(capacity + 64 * 1024)
    }

    /// Creates (or truncates) the file at `path` and writes to it.
    convenience init(path: String, capacity: Int = 256 * 1024) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.init(capacity: capacity, destination: { try handle.write(contentsOf: $0) }, closing: { try handle.close() })
    }

    func write(_ text: String) throws {
        try append { $0.appendText(text) }
    }

    /// Lets `body` append to the buffer directly, then hands the buffer on if it is full.
    func append(_ body: (inout [UInt8]) throws -> Void) throws {
        try body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try destination($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the destination; the writer is not used afterwards.
    func close() throws {
        try flush()
        try closing()
    }
}
