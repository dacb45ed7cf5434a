import Foundation

/// Appends bytes to a file through a fixed-size buffer, so a report of a million rows costs one `write(2)` per
/// 256 KB instead of one per row, and memory stays at the buffer whatever the file grows to.
final class BufferedFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes handed to the writer so far (flushed or not).
    private(set) var bytesWritten: Int64 = 0

    /// Creates (or truncates) the file at `path`.
    init(path: String, capacity: Int = 256 * 1024) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        bytesWritten += Int64(bytes.count)
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try handle.write(contentsOf: bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the writer is not used afterwards.
    func close() throws {
        try flush()
        try handle.close()
    }
}
