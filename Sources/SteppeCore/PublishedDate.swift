import Foundation

/// A publication date: an instant (seconds since 1970, UTC), and the UTC offset it was published in.
///
/// In JSON it is an ISO 8601 string: a day (`2011-05-05`) or a time (`2011-05-05T14:30:00Z`,
/// `2022-01-05T02:00:00+06:00`). Dates sort by the instant but show the day and time as published,
/// in their own offset: an article of 2 a.m. in Almaty on 5 January is dated 5 January, not the 4th.
/// Parsing and formatting are done by hand: they run for every article of a large archive.
public struct PublishedDate: Sendable, Hashable, Comparable, Codable {
    public var secondsSince1970: Int64
    /// The offset from UTC the date was written with, in minutes (`+06:00` is 360).
    public var offsetMinutes: Int16

    public init(secondsSince1970: Int64, offsetMinutes: Int16 = 0) {
        self.secondsSince1970 = secondsSince1970
        self.offsetMinutes = offsetMinutes
    }

    /// Offsets in use run from −12:00 to +14:00; this is the ISO 8601 limit.
    public static let supportedOffsets: ClosedRange<Int16> = -1_439...1_439

    /// Years 1 to 9999, the range dates are parsed in, give or take a day of UTC offset; a value
    /// outside it (from a damaged cache) is refused.
    public static let supportedSeconds: ClosedRange<Int64> = (-62_135_596_800 - 86_400)...(253_402_300_799 + 86_400)

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...PublishedDate.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = PublishedDate.daysFromCivil(year: year, month: month, day: day)
        secondsSince1970 = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        offsetMinutes = 0
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let y = number(0, 4), let m = number(5, 2), let d = number(8, 2)
        else { return nil }
        if b.count == 10 {
            self.init(year: y, month: m, day: d)
            return
        }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b.count >= 16,
            b[13] == UInt8(ascii: ":"), let h = number(11, 2), let mi = number(14, 2)
        else { return nil }
        var index = 16
        var s = 0
        if index < b.count, b[index] == UInt8(ascii: ":") {
            guard let sec = number(17, 2) else { return nil }
            s = sec
            index = 19
            // Fractions of a second are accepted and dropped.
            if index < b.count, b[index] == UInt8(ascii: ".") {
                index += 1
                while index < b.count, (48...57).contains(b[index]) { index += 1 }
            }
        }
        var offset = 0
        if index < b.count {
            switch b[index] {
            case UInt8(ascii: "Z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard let oh = number(index + 1, 2), index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                    let om = number(index + 4, 2)
                else { return nil }
                guard oh <= 23, om <= 59 else { return nil }
                offset = (oh * 3600 + om * 60) * (b[index] == UInt8(ascii: "+") ? 1 : -1)
                index += 6
            default:
                return nil
            }
        }
        guard index == b.count, let date = PublishedDate(year: y, month: m, day: d, hour: h, minute: mi, second: s)
        else { return nil }
        self.init(secondsSince1970: date.secondsSince1970 - Int64(offset), offsetMinutes: Int16(offset / 60))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PublishedDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date (expected YYYY-MM-DD or an ISO 8601 time)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }

    /// By the instant: the same moment written in two offsets sorts as one.
    public static func < (a: PublishedDate, b: PublishedDate) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// The date and time as published, in its own offset.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = secondsSince1970 + Int64(offsetMinutes) * 60
        let days = Int(local.floorDivided(by: 86_400))
        let rest = Int(local - Int64(days) * 86_400)
        let (y, m, d) = PublishedDate.civilFromDays(days)
        return (y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    public var year: Int { components.year }

    /// `2011-05-05`, or the full time as published: `…T14:30:00Z`, `…T02:00:00+06:00`.
    public var isoString: String {
        let c = components
        let day = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        if c.hour == 0 && c.minute == 0 && c.second == 0 && offsetMinutes == 0 { return day }
        let time = "\(day)T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        guard offsetMinutes != 0 else { return time + "Z" }
        let minutes = abs(Int(offsetMinutes))
        return time + (offsetMinutes > 0 ? "+" : "-") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// `2011-05-05`: the compact form used in lists.
    public var dayString: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
