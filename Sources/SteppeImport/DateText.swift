import SteppeCore

/// Publication dates as pages, feeds and scrapers write them.
public enum DateText {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (i, name) in english.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        // Russian month names in the genitive, as dates are written ("5 мая 2011"), and the nominative.
        let russian = [
            ["января", "январь"], ["февраля", "февраль"], ["марта", "март"], ["апреля", "апрель"], ["мая", "май"],
            ["июня", "июнь"], ["июля", "июль"], ["августа", "август"], ["сентября", "сентябрь"],
            ["октября", "октябрь"], ["ноября", "ноябрь"], ["декабря", "декабрь"],
        ]
        for (i, names) in russian.enumerated() { for name in names { table[name] = i + 1 } }
        return table
    }()

    static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// Parses a date that fills the whole text: ISO 8601, RFC 822 ("Thu, 05 May 2011 10:00:00 +0000"),
    /// "May 5, 2011", "Dec 10, 2010", "5 May 2011" or "5 мая 2011 г.".
    public static func parse(_ text: String) -> PublishedDate? {
        guard text.utf8.count <= 128, let trimmed = text.trimmed, trimmed.count <= 64 else { return nil }
        if let first = trimmed.utf8.first, (48...57).contains(first), let iso = PublishedDate(iso: trimmed) { return iso }
        return parseWords(trimmed)
    }

    private static func parseWords(_ text: String) -> PublishedDate? {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{A0}" }).map(String.init)
        // A weekday in front ("Thu,") says nothing the date does not.
        if let first = words.first, first.count >= 3, months[first] == nil, !first.allSatisfy(\.isNumber),
            first.allSatisfy(\.isLetter)
        {
            words.removeFirst()
        }
        if words.last == "г." || words.last == "г" || words.last == "года" { words.removeLast() }
        guard words.count >= 3 else { return nil }
        var month: Int?
        var day: Int?
        if let m = months[words[0].trimmingCharacters(in: ["."])], let d = Int(words[1]) {
            month = m
            day = d
        } else if let d = Int(words[0]), let m = months[words[1].trimmingCharacters(in: ["."])] {
            month = m
            day = d
        }
        guard let month, let day, let year = Int(words[2]), (1000...9999).contains(year) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if words.count >= 4 {
            let clock = words[3].split(separator: ":").map { Int($0) }
            guard clock.count >= 2, clock.count <= 3, clock.allSatisfy({ $0 != nil }) else { return nil }
            hour = clock[0]!
            minute = clock[1]!
            second = clock.count == 3 ? clock[2]! : 0
            if words.count >= 5 {
                let zone = words[4]
                if let known = zones[zone] {
                    offset = known
                } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
                    let value = Int(zone.dropFirst())
                {
                    offset = (value / 100 * 60 + value % 100) * (sign == "+" ? 1 : -1)
                } else {
                    return nil
                }
                guard words.count == 5 else { return nil }
            }
        }
        guard let date = PublishedDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second),
            abs(offset) < 24 * 60
        else { return nil }
        return PublishedDate(secondsSince1970: date.secondsSince1970 - Int64(offset * 60), offsetMinutes: Int16(offset))
    }
}
