/// How list dates are written, as a small strftime-like pattern: `%Y` year, `%y` two-digit year,
/// `%m` month 01–12, `%d` day 01–31, `%e` day 1–31 padded with a space, `%b` short month name, `%B`
/// full month name, `%%` a percent sign; anything else is written as it is.
public struct DateFormat: Sendable, Equatable {
    public let pattern: String

    public static let iso = DateFormat(checked: "%Y-%m-%d")

    public struct Problem: Error, Sendable, Equatable {
        public var directive: String
    }

    /// A pattern whose every `%` directive is known.
    public init(_ pattern: String) throws(Problem) {
        var iterator = pattern.makeIterator()
        while let c = iterator.next() {
            guard c == "%" else { continue }
            guard let d = iterator.next() else { throw Problem(directive: "%") }
            guard "YymdebB%".contains(d) else { throw Problem(directive: "%\(d)") }
        }
        self.pattern = pattern
    }

    private init(checked pattern: String) { self.pattern = pattern }

    private static let short = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let shortRussian = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
    private static let long = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let longRussian = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]

    public func format(_ date: PublishedDate, in language: Language) -> String {
        let c = date.components
        return format(year: c.year, month: c.month, day: c.day, in: language)
    }

    private func format(year: Int, month: Int, day: Int, in language: Language) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let russian = language == .russian
        var result = ""
        var iterator = pattern.makeIterator()
        while let c = iterator.next() {
            guard c == "%", let d = iterator.next() else {
                result.append(c)
                continue
            }
            switch d {
            case "Y": result += year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
            case "y": result += two(year % 100)
            case "m": result += two(month)
            case "d": result += two(day)
            case "e": result += day < 10 ? " \(day)" : String(day)
            case "b": result += (russian ? DateFormat.shortRussian : DateFormat.short)[month - 1]
            case "B": result += (russian ? DateFormat.longRussian : DateFormat.long)[month - 1]
            default: result.append(d)
            }
        }
        return result
    }

    /// The widest this pattern writes a date, so that a column of dates lines up.
    public func width(in language: Language) -> Int {
        (1...12).map { DisplayWidth.of(format(year: 2000, month: $0, day: 28, in: language)) }.max() ?? 0
    }
}
