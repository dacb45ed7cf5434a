import Foundation
import KabinetDomain

/// Where a report's rows go: a CSV or an XLSX file, both fed the same typed cells row by row.
protocol ReportSink: AnyObject {
    func begin(title: String, header: [String], widths: [Int]) throws
    func append(_ cells: [XLSXCell]) throws
    /// Completes the file at its path.
    func finish() throws
    /// Drops whatever was written (after a failure).
    func discard()
}

extension XLSXWriter: ReportSink {
    func begin(title: String, header: [String], widths: [Int]) throws {
        try beginSheet(title, header: header, widths: widths)
    }
}

/// CSV as Russian Excel opens it without an import dialog, with the contract list's escaping (`CSVFormat`):
/// a byte order mark, `;`, CRLF; money with a decimal comma, dates as ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ in Moscow.
final class CSVReportSink: ReportSink {
    let path: String
    private let file: BufferedByteWriter
    private let clock = LocalClock(zone: MoscowTime.zone)

    init(path: String) throws {
        self.path = path
        file = try BufferedByteWriter(path: path)
    }

    func begin(title: String, header: [String], widths: [Int]) throws {
        try file.write(CSVFormat.byteOrderMark + CSVFormat.header(header))
    }

    func append(_ cells: [XLSXCell]) throws {
        let clock = clock
        try file.append { bytes in
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                Self.write(cell, to: &bytes, clock: clock)
            }
            bytes.appendASCII("\r\n")
        }
    }

    func finish() throws { try file.close() }

    func discard() {
        try? file.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func write(_ cell: XLSXCell, to bytes: inout [UInt8], clock: LocalClock) {
        switch cell {
        case .text(let text), .label(let text): CSVFormat.append(field: text, to: &bytes)
        case .integer(let number): bytes.appendDecimal(number)
        case .number(let number, _): bytes.appendText("\(number)".replacingOccurrences(of: ".", with: ","))
        case .money(let minor): bytes.appendMoney(minorUnits: minor, separator: UInt8(ascii: ","))
        case .date(let day): bytes.appendRussianDate(day)
        case .dateTime(let instant, _): bytes.appendRussianDateTime(localSeconds: clock.localSeconds(instant))
        case .empty: break
        }
    }
}
