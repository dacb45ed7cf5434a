import Foundation
import KabinetDomain

/// Local time in one zone without a `DateFormatter` or a `TimeZone` call per row: the zone's offset is looked up
/// once per hour of UTC (offsets change on hour boundaries) and the rest is integer arithmetic. Both report sinks
/// use it: the CSV writes ДД.ММ.ГГГГ ЧЧ:ММ, the XLSX the serial number of the same local instant. A class, so a
/// row writer can pass it along without copying its table.
final class LocalClock {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(zone: TimeZone) {
        self.zone = zone
    }

    /// Seconds since 1970-01-01 00:00 local time (the wall clock read as if it were UTC).
    func localSeconds(_ instant: Date) -> Int {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let hour = Self.floorDivide(seconds, 3600)
        if let known = offsets[hour] { return seconds + known }
        if offsets.count > 100_000 { offsets.removeAll() }
        let offset = zone.secondsFromGMT(for: instant)
        offsets[hour] = offset
        return seconds + offset
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
