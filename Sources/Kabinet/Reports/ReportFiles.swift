import Foundation
import Vapor

/// Where report files live: `<data>/reports/<id>.<ext>` once finished, `<id>.<attempt>.part` while a build writes.
/// A finished file appears only by an atomic rename of a complete part, so a download never sees half a file, and
/// a build that was killed leaves at most a part that the next attempt deletes.
struct ReportFiles: Sendable {
    let directory: String

    init(_ application: Application) {
        directory = application.settings.dataDirectory + "/reports"
    }

    func prepare() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func finalName(_ id: UUID, _ format: ReportFormat) -> String { "\(id.uuidString).\(format.fileExtension)" }

    func path(_ name: String) -> String { directory + "/" + name }

    /// A fresh part for this attempt: two attempts (a lease that ran out while the first still wrote) never share.
    func partPath(_ id: UUID) -> String {
        path("\(id.uuidString).\(UUID().uuidString.prefix(8)).part")
    }

    /// Parts left by earlier attempts of this request, and the XLSX writer's folders of sheets beside them.
    func removeParts(of id: UUID) {
        let prefix = id.uuidString + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(prefix) && (name.hasSuffix(".part") || name.hasSuffix(".part.parts")) {
            try? FileManager.default.removeItem(atPath: path(name))
        }
    }

    func parts(of id: UUID) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(id.uuidString + ".") && $0.contains(".part") }
    }

    func sink(_ format: ReportFormat, path: String) throws -> any ReportSink {
        switch format {
        case .csv: try CSVReportSink(path: path)
        case .xlsx: try XLSXWriter(path: path)
        }
    }

    /// Replaces `name` with the part in one step (rename(2) is atomic within a file system).
    func publish(part: String, as name: String) throws {
        guard rename(part, path(name)) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path(name)])
        }
    }
}
