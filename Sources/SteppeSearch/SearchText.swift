import Foundation

/// The words search compares: case and diacritics folded, then lightly stemmed, the same way for the
/// archive's text and for a query.
///
/// - Folding: lower case in every script; diacritics dropped (é → e, ё → е, й → и, ş → s, ğ → g,
///   ö → o); every Turkish and Azerbaijani i (I, İ, ı) is i; Georgian capitals (Mtavruli) are their
///   Mkhedruli letters; the apostrophes of Uzbek Latin (oʻ, gʻ) and English ("Afghanistan's") are dropped.
/// - English stemming: a word of five letters or more loses one regular ending: -ing, -ed, -ies (→ y),
///   -es, -s ("elections" → "election", "protested" → "protest").
/// - Russian stemming: a word loses its longest common case or adjective ending while at least
///   three letters remain ("Таджикистана" → "таджикистан", "таджикском" and "таджикский" → "таджикск").
public enum SearchText {
    /// The search words of a text, in order.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty {
                result.append(stem(fold(String(current))))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if isJoiner(scalar), !current.isEmpty {
                // Inner apostrophes (Uzbek oʻ, English 's) join; they are dropped by folding.
                current.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return result.filter { !$0.isEmpty }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0400...0x04FF: return true
        case 0x00...0x7F, 0x2000...0x206F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isMark(scalar)
        }
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BB}" || scalar == "\u{02BC}"
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value)
    }

    /// Case and diacritics folded; joiners dropped.
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.compactMap { byte -> UInt8? in
                if byte == 0x27 { return nil }
                return (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }, as: UTF8.self)
        }
        // Russian words in basic Cyrillic, the most common case after ASCII: a table, no decomposition.
        if word.unicodeScalars.allSatisfy({ (0x0410...0x044F).contains($0.value) || $0.value == 0x0401 || $0.value == 0x0451 }) {
            var view = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                var v = scalar.value
                if (0x0410...0x042F).contains(v) { v += 0x20 }
                if v == 0x0401 || v == 0x0451 { v = 0x0435 }  // ё → е
                if v == 0x0439 { v = 0x0438 }  // й → и, as decomposition would give
                view.append(Unicode.Scalar(v)!)
            }
            return String(view)
        }
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isMark(scalar) || isJoiner(scalar) { continue }
            switch scalar.value {
            case 0x0130, 0x0131, 0x0049: folded.append("i")  // İ, ı, I
            case 0x1C90...0x1CBA, 0x1CBD...0x1CBF:  // Georgian Mtavruli → Mkhedruli
                folded.append(Unicode.Scalar(scalar.value - 0x1C90 + 0x10D0)!)
            default:
                folded.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        // Lower-casing İ may bring back a combining dot; decomposition may have split ё.
        return String(folded).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !isMark($0) }
            .reduce(into: "") { $0.unicodeScalars.append($1) }
    }

    static let englishEndings: [(String, String)] = [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")]
    static let russianEndings: [String] = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ой", "ей", "ом", "ем", "ам",
        "ям", "ах", "ях", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ов", "ев", "ию", "ия", "ии",
        "ью", "ья", "ье", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь",
    ]
    /// The endings by their length in letters, tried longest first.
    static let russianEndingsByLength: [Int: Set<String>] = Dictionary(grouping: russianEndings, by: \.count).mapValues(Set.init)

    /// One ending taken off, as documented above.
    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return word }
        if (0x0430...0x044F).contains(first.value) {
            for length in stride(from: 4, through: 1, by: -1) where scalars.count - length >= 3 {
                let ending = String(String.UnicodeScalarView(scalars[(scalars.count - length)...]))
                if russianEndingsByLength[length]?.contains(ending) == true {
                    return String(String.UnicodeScalarView(scalars[..<(scalars.count - length)]))
                }
            }
            return word
        }
        guard word.utf8.allSatisfy({ $0 < 0x80 }), word.count >= 5, !word.hasSuffix("ss") else { return word }
        for (ending, replacement) in englishEndings where word.hasSuffix(ending) {
            let base = word.dropLast(ending.count)
            guard base.count >= 3, base.contains(where: { "aeiouy".contains($0) }) else { return word }
            return base + replacement
        }
        return word
    }
}
