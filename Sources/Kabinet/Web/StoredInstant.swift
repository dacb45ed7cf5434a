import Foundation

/// An instant exactly as the database stores it, to continue a keyset walk at the very row it stopped on.
///
/// SQLite keeps instants as REAL seconds since 1970, and SQLiteNIO rounds them to the microsecond when it makes a
/// `Date`; such a `Date` bound back misses the stored value by a fraction, and the walk repeats the last row of a
/// chunk (or skips one). The raw double binds back unchanged. PostgreSQL's timestamps are whole microseconds, so
/// there the `Date` is exact.
enum StoredInstant: Codable, Sendable, Equatable {
    case seconds(Double)
    case date(Date)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self = .seconds(seconds)
        } else {
            self = .date(try container.decode(Date.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .seconds(let seconds): try container.encode(seconds)
        case .date(let date): try container.encode(date)
        }
    }
}

/// A row of a keyset walk together with its sort date as stored (`walk_key`, selected next to the row's columns).
struct KeyedRow<Row: Decodable & Sendable>: Decodable, Sendable {
    static var keyColumn: String { "walk_key" }

    var row: Row
    var key: StoredInstant?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        row = try Row(from: decoder)
        key = try decoder.container(keyedBy: Key.self).decodeIfPresent(StoredInstant.self, forKey: Key(stringValue: Self.keyColumn))
    }
}
