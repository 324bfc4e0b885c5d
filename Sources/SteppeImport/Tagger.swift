import SteppeCore

/// Infers an article's regions and topics from its text, and can say why.
///
/// Every term found scores by where it stands: 3 in the title, 2 in the standfirst, 1 in the body.
/// A region is given when its score reaches `regionThreshold` and a quarter of the best region's
/// (so a passing mention tags nothing); at most four. A topic is given when its score reaches
/// `topicThreshold` and half of the best topic's; at most two. A region group ("Central Asia")
/// named on its own counts for the group.
public struct Tagger: Sendable {
    public enum Place: String, Sendable, Comparable, Encodable {
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

    public struct Evidence: Sendable, Equatable, Encodable {
        public var term: String
        public var place: Place
        public var count: Int
    }

    public struct Score: Sendable, Equatable, Encodable {
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
            // A phrase counts once: "border troops" is not also "troops".
            var regionsResume = 0
            var topicsResume = 0
            for i in words.indices {
                if let slug = acronyms[words[i].original] {
                    regions.add(slug, words[i].original, place)
                }
                if i >= regionsResume {
                    regionsResume = i + regionTerms.match(words, at: i) { slug, term in regions.add(slug, term, place) }
                }
                if i >= topicsResume {
                    topicsResume = i + topicTerms.match(words, at: i) { slug, term in topics.add(slug, term, place) }
                }
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
        /// As written, kept only for short words with capitals: the acronyms.
        var original: String
        var isCyrillic: Bool
    }

    /// Words of a text: letters, digits and inner hyphens, dots and apostrophes, lower-cased, with a
    /// possessive 's dropped. Read as UTF-8 bytes: every byte of a non-ASCII character counts as a
    /// letter except the general punctuation block (dashes, quotes) and Latin-1 punctuation.
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var i = 0
            func finish(_ end: Int) {
                guard start >= 0 else { return }
                var last = end
                // Trailing joiners belong to the sentence, not the word.
                while last > start, bytes[last - 1] == 0x2D || bytes[last - 1] == 0x2E || bytes[last - 1] == 0x27 { last -= 1 }
                if last - start >= 2, bytes[last - 1] == 0x73 || bytes[last - 1] == 0x53, bytes[last - 2] == 0x27 {
                    last -= 2
                } else if last - start >= 4, bytes[last - 1] == 0x73, bytes[last - 2] == 0x99, bytes[last - 3] == 0x80, bytes[last - 4] == 0xE2 {
                    last -= 4
                }
                while last > start, bytes[last - 1] == 0x27 { last -= 1 }
                defer { start = -1 }
                guard last > start else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<last])
                var ascii = true
                var capitals = false
                var cyrillic = false
                for byte in word {
                    if byte >= 0x80 {
                        ascii = false
                        if byte == 0xD0 || byte == 0xD1 { cyrillic = true }
                    } else if byte >= 0x41 && byte <= 0x5A {
                        capitals = true
                    }
                }
                let lower: String
                if ascii {
                    lower = String(unsafeUninitializedCapacity: word.count) { buffer in
                        for (k, byte) in word.enumerated() { buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
                        return word.count
                    }
                } else {
                    lower = String(decoding: word, as: UTF8.self).lowercased()
                }
                let original = capitals && word.count <= 4 ? String(decoding: word, as: UTF8.self) : lower
                result.append(Word(lower: lower, original: original, isCyrillic: cyrillic))
            }
            while i < bytes.count {
                let byte = bytes[i]
                let length: Int
                let isLetter: Bool
                if byte < 0x80 {
                    length = 1
                    let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    if isAlphanumeric {
                        isLetter = true
                    } else if (byte == 0x2D || byte == 0x27 || byte == 0x2E) && start >= 0 {
                        i += 1
                        continue
                    } else {
                        isLetter = false
                    }
                } else {
                    length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    if byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && start >= 0 {
                        i += 3  // ’ inside a word
                        continue
                    }
                    isLetter = !(byte == 0xC2 || (byte == 0xE2 && i + 1 < bytes.count && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81)))
                }
                if isLetter {
                    if start < 0 { start = i }
                } else {
                    finish(i)
                }
                i += length
            }
            finish(bytes.count)
        }
        return result
    }

    /// Terms by their first word; phrases are matched word by word, Russian stems by prefix.
    struct TermTable: Sendable {
        var single: [String: [String]] = [:]
        var phrases: [String: [(words: [String], slug: String, term: String)]] = [:]
        /// The first three letters of every Cyrillic stem.
        var stemStarts: Set<String> = []

        init(_ entries: [Gazetteer.Entry]) {
            for entry in entries {
                if entry.term.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                    stemStarts.insert(String(String.UnicodeScalarView(entry.term.unicodeScalars.prefix(3))))
                }
                let parts = entry.term.split(separator: " ").map(String.init)
                if parts.count == 1 {
                    single[entry.term, default: []].append(entry.slug)
                } else {
                    phrases[parts[0], default: []].append((parts, entry.slug, entry.term))
                }
            }
        }

        /// Reports the terms found at word `i` and returns how many words they took (1 when none).
        /// English words also match without a plain inflection: "protested", "protesting" find "protest".
        @discardableResult
        func match(_ words: [Word], at i: Int, _ found: (String, String) -> Void) -> Int {
            let word = words[i]
            if let candidates = phrases[word.lower] {
                for phrase in candidates
                where i + phrase.words.count <= words.count
                    && zip(phrase.words, words[i..<(i + phrase.words.count)]).allSatisfy({ $0 == $1.lower })
                {
                    found(phrase.slug, phrase.term)
                    return phrase.words.count
                }
            }
            if let slugs = single[word.lower] {
                for slug in slugs { found(slug, word.lower) }
                return 1
            }
            if !word.isCyrillic, let (stem, slugs) = englishStem(word.lower) {
                for slug in slugs { found(slug, stem) }
                return 1
            }
            if word.isCyrillic {
                // The longest stem that leaves at most three letters of ending; most words share no
                // first three letters with any stem and are passed over at once.
                let letters = Array(word.lower.unicodeScalars)
                guard letters.count > 3, stemStarts.contains(String(String.UnicodeScalarView(letters[0..<3]))) else { return 1 }
                var length = letters.count - 1
                while length >= max(3, letters.count - 3) {
                    let stem = String(String.UnicodeScalarView(letters[0..<length]))
                    if let slugs = single[stem] {
                        for slug in slugs { found(slug, stem) }
                        return 1
                    }
                    length -= 1
                }
            } else if word.lower.utf8.contains(0x2D) {
                // "Tajik-Afghan": each part on its own.
                for part in word.lower.split(separator: "-") {
                    if let slugs = single[String(part)] { for slug in slugs { found(slug, String(part)) } }
                }
            }
            return 1
        }

        /// The entry a regular English inflection of it names: -ing, -ed, -es, -s taken off.
        private func englishStem(_ word: String) -> (String, [String])? {
            for suffix in ["ing", "ed", "es", "s"] where word.hasSuffix(suffix) && word.utf8.count - suffix.utf8.count >= 4 {
                let stem = String(word.dropLast(suffix.count))
                if let slugs = single[stem] { return (stem, slugs) }
            }
            return nil
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
