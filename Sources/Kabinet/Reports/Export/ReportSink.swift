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

/// CSV as Russian Excel opens it without an import dialog, with the contract list's escaping (`ContractListCSV`):
/// a byte order mark, `;`, CRLF; money with a decimal comma, dates as ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ in Moscow.
final class CSVReportSink: ReportSink {
    let path: String
    private let file: BufferedFileWriter
    private var clock = LocalClock(zone: MoscowTime.zone)

    init(path: String) throws {
        self.path = path
        file = try BufferedFileWriter(path: path)
    }

    func begin(title: String, header: [String], widths: [Int]) throws {
        try file.write(ContractListCSV.byteOrderMark + ContractListCSV.header(header))
    }

    func append(_ cells: [XLSXCell]) throws {
        try file.write(ContractListCSV.line(cells.map { text($0) }))
    }

    func finish() throws { try file.close() }

    func discard() {
        try? file.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private func text(_ cell: XLSXCell) -> String {
        switch cell {
        case .text(let text), .label(let text): text
        case .integer(let number): String(number)
        case .number(let number, _): "\(number)".replacingOccurrences(of: ".", with: ",")
        case .money(let minor): XLSXCell.decimalText(minorUnits: minor).replacingOccurrences(of: ".", with: ",")
        case .date(let day): day.russian
        case .dateTime(let instant, _): clock.text(instant)
        case .empty: ""
        }
    }
}

/// ДД.ММ.ГГГГ ЧЧ:ММ in one zone without a `DateFormatter` per row: the zone's offset is looked up once per hour of
/// UTC (offsets change on hour boundaries) and the rest is integer arithmetic.
struct LocalClock {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(zone: TimeZone) {
        self.zone = zone
    }

    mutating func text(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        let offset: Int
        if let known = offsets[hour] {
            offset = known
        } else {
            if offsets.count > 100_000 { offsets.removeAll() }
            offset = zone.secondsFromGMT(for: instant)
            offsets[hour] = offset
        }
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minutes = (local - days * 86_400) / 60
        return CalendarDate(dayNumber: days).russian + " " + Self.two(minutes / 60) + ":" + Self.two(minutes % 60)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
