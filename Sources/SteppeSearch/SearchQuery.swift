import SteppeCore

/// A search as typed, parsed: words that must all match (or any of an `OR` group), phrases, prefixes,
/// exclusions, and filters.
///
/// Syntax: `word`, `"exact phrase"`, `prefix*`, `-word` or `-"phrase"` to exclude, `a OR b`;
/// filters `region:`, `topic:`, `section:` (slugs; a group matches its members), `author:`,
/// `lang:`, `year:2011`, `since:2020-01`, `until:2021-06` (a year, month or day), `is:bookmarked`,
/// `is:unread`, `has:note`. An unclosed quote runs to the end; a filter name or value that is wrong
/// is an error that names it.
public struct SearchQuery: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        /// A search word (folded and stemmed), or a folded prefix.
        case word(String, isPrefix: Bool)
        case phrase([String])
    }

    /// Terms of which any may match; all clauses must.
    public struct Clause: Sendable, Equatable {
        public var alternatives: [Term]
        public var isExcluded: Bool
    }

    public enum Filter: Sendable, Equatable {
        case node(Facet, String)
        case author(String)
        case language(String)
        case from(Int64)
        case before(Int64)
        case bookmarked
        case unread
        case hasNote
    }

    public typealias Problem = SearchProblem

    public var clauses: [Clause] = []
    public var filters: [Filter] = []

    public var isEmpty: Bool { clauses.isEmpty && filters.isEmpty }
    public var positiveClauses: [Clause] { clauses.filter { !$0.isExcluded } }

    public static let filterNames = ["region", "topic", "section", "author", "lang", "year", "since", "until", "is", "has"]

    /// Parses `text`; `taxonomy` checks region, topic and section slugs. `completingLastWord`: the
    /// last word is still being typed (search as you type), so it is matched as a prefix.
    public static func parse(_ text: String, taxonomy: TaxonomyTable, completingLastWord: Bool = false) throws(Problem) -> SearchQuery {
        var query = SearchQuery()
        var pendingOr = false
        for token in tokens(text, completingLastWord: completingLastWord) {
            switch token {
            case .or:
                pendingOr = !query.clauses.isEmpty
                continue
            case .filter(let name, let value, let isExcluded):
                if isExcluded { throw .excludedFilter("-\(name):\(value)") }
                query.filters += try filters(name, value, taxonomy)
            case .term(let term, let isExcluded):
                if pendingOr, !isExcluded, let last = query.clauses.last, !last.isExcluded {
                    query.clauses[query.clauses.count - 1].alternatives.append(term)
                } else {
                    query.clauses.append(Clause(alternatives: [term], isExcluded: isExcluded))
                }
            }
            pendingOr = false
        }
        return query
    }

    enum Token {
        case term(Term, isExcluded: Bool)
        case filter(String, String, isExcluded: Bool)
        case or
    }

    static func tokens(_ text: String, completingLastWord: Bool = false) -> [Token] {
        var result: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isWhitespace {
                index = text.index(after: index)
                continue
            }
            var excluded = false
            if text[index] == "-" {
                excluded = true
                index = text.index(after: index)
                guard index < text.endIndex else { break }
            }
            if text[index] == "\"" {
                let start = text.index(after: index)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                let words = SearchText.words(String(text[start..<end]))
                if words.count == 1 { result.append(.term(.word(words[0], isPrefix: false), isExcluded: excluded)) }
                if words.count > 1 { result.append(.term(.phrase(words), isExcluded: excluded)) }
                index = end < text.endIndex ? text.index(after: end) : end
                continue
            }
            let end = text[index...].firstIndex(where: \.isWhitespace) ?? text.endIndex
            // A filter's value may be quoted: author:"Steppe Editors".
            if let colon = text[index..<end].firstIndex(of: ":"), text.index(after: colon) < text.endIndex,
                text[text.index(after: colon)] == "\""
            {
                let open = text.index(after: colon)
                let close = text[text.index(after: open)...].firstIndex(of: "\"") ?? text.endIndex
                let value = String(text[text.index(after: open)..<close])
                result.append(.filter(text[index..<colon].lowercased(), value, isExcluded: excluded))
                index = close < text.endIndex ? text.index(after: close) : close
                continue
            }
            let raw = String(text[index..<end])
            index = end
            if raw == "OR", !excluded {
                result.append(.or)
                continue
            }
            if let colon = raw.firstIndex(of: ":"), colon != raw.startIndex, raw[..<colon].allSatisfy({ $0.isLetter }) {
                result.append(.filter(raw[..<colon].lowercased(), String(raw[raw.index(after: colon)...]), isExcluded: excluded))
                continue
            }
            // The word still being typed matches as a prefix: "taj" already finds Tajikistan.
            let isTyping = completingLastWord && end == text.endIndex && !raw.hasSuffix("*") && !excluded
            // Its stem is the prefix, so that a whole word still finds its own forms ("Таджикистана").
            if isTyping, let stem = SearchText.words(raw).first, SearchText.words(raw).count == 1 {
                result.append(.term(.word(stem, isPrefix: true), isExcluded: false))
                continue
            }
            let isPrefix = raw.hasSuffix("*")
            let words = SearchText.words(isPrefix ? String(raw.dropLast()) : raw)
            if isPrefix, words.count == 1 {
                // A prefix is folded, not stemmed: "таджик*" must keep its letters.
                let folded = SearchText.fold(String(raw.dropLast()).filter { !$0.isPunctuation })
                result.append(.term(.word(folded, isPrefix: true), isExcluded: excluded))
            } else if words.count == 1 {
                result.append(.term(.word(words[0], isPrefix: false), isExcluded: excluded))
            } else if words.count > 1 {
                // "Tajik-Afghan": the words next to each other.
                result.append(.term(.phrase(words), isExcluded: excluded))
            }
        }
        return result
    }

    static func filters(_ name: String, _ value: String, _ taxonomy: TaxonomyTable) throws(Problem) -> [Filter] {
        let lowered = value.lowercased()
        func node(_ facet: Facet) throws(Problem) -> [Filter] {
            guard taxonomy.index(of: lowered, in: facet) != nil else {
                throw .badValue(filter: name, value: value, suggestion: nearestSlug(lowered, in: facet, taxonomy))
            }
            return [.node(facet, lowered)]
        }
        switch name {
        case "region": return try node(.regions)
        case "topic": return try node(.topics)
        case "section": return try node(.sections)
        case "author":
            // Words folded and joined by single spaces, as the index keeps the names.
            let words = value.split(whereSeparator: \.isWhitespace).map { SearchText.fold(String($0)) }.filter { !$0.isEmpty }
            // "|" separates the names in the index: in a value it would match across them.
            guard !words.isEmpty, !value.contains("|") else { throw .badValue(filter: name, value: value) }
            return [.author(words.joined(separator: " "))]
        case "lang":
            guard (2...3).contains(lowered.count), lowered.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw .badValue(filter: name, value: value)
            }
            return [.language(lowered)]
        case "year":
            guard value.count == 4, let range = period(value) else { throw .badValue(filter: name, value: value) }
            return [.from(range.lowerBound), .before(range.upperBound)]
        case "since":
            guard let range = period(value) else { throw .badValue(filter: name, value: value) }
            return [.from(range.lowerBound)]
        case "until":
            guard let range = period(value) else { throw .badValue(filter: name, value: value) }
            return [.before(range.upperBound)]
        case "is":
            switch lowered {
            case "bookmarked": return [.bookmarked]
            case "unread": return [.unread]
            default: throw .badValue(filter: name, value: value)
            }
        case "has":
            guard lowered == "note" || lowered == "notes" else { throw .badValue(filter: name, value: value) }
            return [.hasNote]
        default:
            throw .unknownFilter(name)
        }
    }

    /// The slug of the facet closest to a misspelt one ("centralasia", "tajiksitan", "bug-pit",
    /// "tajik"): the same letters without hyphens, at most two edits away, or the shortest slug that
    /// begins with it or ends with it after a hyphen; nil when none is that close.
    static func nearestSlug(_ value: String, in facet: Facet, _ taxonomy: TaxonomyTable) -> String? {
        guard !value.isEmpty else { return nil }
        let slugs = (0..<taxonomy.count).filter { taxonomy[$0].facet == facet && taxonomy[$0].slug != facet.rawValue }.map { taxonomy[$0].slug }
        let bare = value.replacingOccurrences(of: "-", with: "")
        if let same = slugs.first(where: { $0.replacingOccurrences(of: "-", with: "") == bare }) { return same }
        let scored = slugs.map { ($0, editDistance(Array(value), Array($0), limit: 2)) }.filter { $0.1 <= 2 }
        if let near = scored.min(by: { $0.1 < $1.1 })?.0 { return near }
        guard value.count >= 3 else { return nil }
        return slugs.filter { $0.hasPrefix(value) || $0.hasSuffix("-" + value) }.min { $0.count < $1.count }
    }

    /// Levenshtein distance, giving up (limit + 1) once every path is past `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// `2011`, `2020-01` or `2020-01-15` as the seconds it spans, the end excluded.
    static func period(_ text: String) -> Range<Int64>? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let year = parts[0]!
        let month = parts.count > 1 ? parts[1]! : 1
        let day = parts.count > 2 ? parts[2]! : 1
        guard let start = PublishedDate(year: year, month: month, day: day) else { return nil }
        let end: PublishedDate?
        switch parts.count {
        case 1: end = PublishedDate(year: year + 1, month: 1, day: 1)
        case 2: end = month == 12 ? PublishedDate(year: year + 1, month: 1, day: 1) : PublishedDate(year: year, month: month + 1, day: 1)
        default: end = PublishedDate(secondsSince1970: start.secondsSince1970 + 86_400)
        }
        guard let end else { return nil }
        return start.secondsSince1970..<end.secondsSince1970
    }
}


extension SearchQuery {
    /// The filters on the reader's own lists (`is:bookmarked`, `is:unread`, `has:note`), which the
    /// index does not know, as one test of an id; nil when the query has none.
    public func ownListFilter(
        isBookmarked: @escaping (String) -> Bool, isRead: @escaping (String) -> Bool, hasNote: @escaping (String) -> Bool
    ) -> ((String) -> Bool)? {
        let own = filters.filter { $0 == .bookmarked || $0 == .unread || $0 == .hasNote }
        guard !own.isEmpty else { return nil }
        return { id in
            own.allSatisfy { filter in
                switch filter {
                case .bookmarked: isBookmarked(id)
                case .unread: !isRead(id)
                case .hasNote: hasNote(id)
                default: true
                }
            }
        }
    }
}
