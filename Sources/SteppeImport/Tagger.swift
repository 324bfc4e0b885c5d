import SteppeCore

/// Infers an article's regions and topics from its text, and can say why.
///
/// Every term found scores by where it stands: 3 in the title, 2 in the standfirst, 1 in the body.
/// A region is given when its score reaches `regionThreshold` and a quarter of the best region's
/// (so a passing mention tags nothing); at most four. A topic is given when its score reaches
/// `topicThreshold` and half of the best topic's; at most two. A region group ("Central Asia")
/// named on its own counts for the group.
public struct Tagger: Sendable {
    public enum Place: String, Sendable, Comparable {
        case title, standfirst, body
        public var weight: Double {
            switch self {
            case .title: 3
            case .standfirst: 2
            case .body: 1
            }
        }
        public static func < (a: Place, b: Place) -> Bool { a.weight > b.weight }
    }

    public struct Evidence: Sendable, Equatable {
        public var term: String
        public var place: Place
        public var count: Int
    }

    public struct Score: Sendable, Equatable {
        public var slug: String
        public var score: Double
        public var evidence: [Evidence]
        public var isGiven: Bool
    }

    public struct Inference: Sendable, Equatable {
        public var regions: [Score]
        public var topics: [Score]
        public var givenRegions: [String] { regions.filter(\.isGiven).map(\.slug) }
        public var givenTopics: [String] { topics.filter(\.isGiven).map(\.slug) }
    }

    public static let regionThreshold = 3.0
    public static let topicThreshold = 4.0

    private let regionTerms: TermTable
    private let topicTerms: TermTable
    private let acronyms: [String: String]

    public init(gazetteer: Gazetteer = .standard, lexicon: TopicLexicon = .standard) {
        regionTerms = TermTable(gazetteer.entries)
        topicTerms = TermTable(lexicon.entries)
        acronyms = gazetteer.acronyms
    }

    public static let standard = Tagger()

    public func infer(title: String, standfirst: String?, body: [String]) -> Inference {
        var regions = Tally()
        var topics = Tally()
        func scan(_ text: String, _ place: Place) {
            let words = Tagger.words(text)
            var i = 0
            while i < words.count {
                if let slug = acronyms[words[i].original] {
                    regions.add(slug, words[i].original, place)
                }
                regionTerms.match(words, at: i) { slug, term in regions.add(slug, term, place) }
                topicTerms.match(words, at: i) { slug, term in topics.add(slug, term, place) }
                i += 1
            }
        }
        scan(title, .title)
        if let standfirst { scan(standfirst, .standfirst) }
        for paragraph in body { scan(paragraph, .body) }
        return Inference(
            regions: regions.scores(threshold: Tagger.regionThreshold, share: 0.25, limit: 4),
            topics: topics.scores(threshold: Tagger.topicThreshold, share: 0.5, limit: 2))
    }

    struct Word {
        var lower: String
        var original: String
        var isCyrillic: Bool
    }

    /// Words of a text: letters, digits and inner hyphens, lower-cased, with a possessive 's dropped.
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = String.UnicodeScalarView()
        var cyrillic = false
        func finish() {
            while let last = current.last, last == "-" || last == "." { current.removeLast() }
            guard !current.isEmpty else { return }
            var original = String(current)
            if original.hasSuffix("'s") || original.hasSuffix("’s") { original.removeLast(2) }
            if original.hasSuffix("'") || original.hasSuffix("’") { original.removeLast() }
            result.append(Word(lower: original.lowercased(), original: original, isCyrillic: cyrillic))
            current = String.UnicodeScalarView()
            cyrillic = false
        }
        for scalar in text.unicodeScalars {
            if Tagger.isWordCharacter(scalar) {
                if (0x0400...0x04FF).contains(scalar.value) { cyrillic = true }
                current.append(scalar)
            } else if (scalar == "-" || scalar == "'" || scalar == "’" || scalar == ".") && !current.isEmpty {
                current.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return result
    }

    /// Letters and digits; fixed ranges for the scripts of the region, the property table for the rest.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0400...0x0481, 0x048A...0x04FF: return true
        case 0x00...0x7F, 0x2000...0x206F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Terms by their first word; phrases are matched word by word, Russian stems by prefix.
    struct TermTable: Sendable {
        var single: [String: [String]] = [:]
        var phrases: [String: [(words: [String], slug: String, term: String)]] = [:]

        init(_ entries: [Gazetteer.Entry]) {
            for entry in entries {
                let parts = entry.term.split(separator: " ").map(String.init)
                if parts.count == 1 {
                    single[entry.term, default: []].append(entry.slug)
                } else {
                    phrases[parts[0], default: []].append((parts, entry.slug, entry.term))
                }
            }
        }

        func match(_ words: [Word], at i: Int, _ found: (String, String) -> Void) {
            let word = words[i]
            if let candidates = phrases[word.lower] {
                for phrase in candidates
                where i + phrase.words.count <= words.count
                    && zip(phrase.words, words[i..<(i + phrase.words.count)]).allSatisfy({ $0 == $1.lower })
                {
                    found(phrase.slug, phrase.term)
                    return
                }
            }
            if let slugs = single[word.lower] {
                for slug in slugs { found(slug, word.lower) }
                return
            }
            if word.isCyrillic {
                // The longest stem that leaves at most three letters of ending.
                let letters = Array(word.lower)
                var length = letters.count - 1
                while length >= max(3, letters.count - 3) {
                    let stem = String(letters[0..<length])
                    if let slugs = single[stem] {
                        for slug in slugs { found(slug, stem) }
                        return
                    }
                    length -= 1
                }
            } else if word.lower.contains("-") {
                // "Tajik-Afghan": each part on its own.
                for part in word.lower.split(separator: "-") {
                    if let slugs = single[String(part)] { for slug in slugs { found(slug, String(part)) } }
                }
            }
        }
    }

    struct Tally {
        var scores: [String: Double] = [:]
        var evidence: [String: [Evidence]] = [:]

        mutating func add(_ slug: String, _ term: String, _ place: Place) {
            scores[slug, default: 0] += place.weight
            var list = evidence[slug, default: []]
            if let i = list.firstIndex(where: { $0.term == term && $0.place == place }) {
                list[i].count += 1
            } else {
                list.append(Evidence(term: term, place: place, count: 1))
            }
            evidence[slug] = list
        }

        func scores(threshold: Double, share: Double, limit: Int) -> [Score] {
            let best = scores.values.max() ?? 0
            let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var given = 0
            return ranked.map { slug, score in
                let isGiven = score >= threshold && score >= best * share && given < limit
                if isGiven { given += 1 }
                let evidence = (evidence[slug] ?? []).sorted {
                    $0.place != $1.place ? $0.place < $1.place : $0.count != $1.count ? $0.count > $1.count : $0.term < $1.term
                }
                return Score(slug: slug, score: score, evidence: evidence, isGiven: isGiven)
            }
        }
    }
}
