import Foundation
@testable import KabinetDomain

/// Shared fixtures for the PDF tests: the Debian DejaVu fonts, a fixed clock, byte helpers.
enum PDFTestSupport {
    /// The font files come from the OS package (fonts-dejavu-core); suites skip without them.
    static let fontsAvailable = FileManager.default.fileExists(atPath: PDFFontSet.debianRegularPath)
        && FileManager.default.fileExists(atPath: PDFFontSet.debianBoldPath)

    static func fonts() throws -> PDFFontSet {
        try PDFFontSet(regularPath: PDFFontSet.debianRegularPath, boldPath: PDFFontSet.debianBoldPath)
    }

    /// 2026-11-23 12:00:00 UTC: fixed so that outputs can be compared byte for byte.
    static let issued = Date(timeIntervalSince1970: 1_795_435_200)

    static func builder() throws -> PDFDocumentBuilder {
        PDFDocumentBuilder(fonts: try fonts(), metadata: PDFMetadata(title: "Полис страхования", author: "Kabinet",
                                                                    creationDate: issued))
    }

    /// The first executable named `name` on PATH, nil when not installed.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Latin-1 view of the file, so byte offsets equal character offsets for searching.
    static func latin1(_ data: Data) -> [Character] {
        data.map { Character(Unicode.Scalar($0)) }
    }

    static func contains(_ data: Data, _ needle: String) -> Bool {
        data.range(of: Data(needle.utf8)) != nil
    }

    /// Runs a program to completion without blocking a thread: on Linux `waitUntilExit`
    /// spins the run loop, so completion comes through `terminationHandler` instead.
    static func run(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    static func temporaryURL(_ suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kabinet-pdf-\(UUID().uuidString)\(suffix)")
    }
}
