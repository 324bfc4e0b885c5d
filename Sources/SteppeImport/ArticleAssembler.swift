import Foundation
import SteppeCore

/// What the user said on the command line that applies to every article imported.
public struct ImportOptions: Sendable {
    /// The article's URL, for a single page imported from text that does not say it.
    public var url: String?
    /// Regions and topics to file every article under, as slugs or names; they win over inference.
    public var regions: [String] = []
    public var topics: [String] = []
    /// Keep the reasons for each tag, for `--explain`.
    public var explains = false

    public init() {}
}

/// One article ready for the archive: the record, its taxonomy nodes, its JSON line, and why it was
/// filed where it was.
public struct AssembledArticle: Sendable {
    public var article: Article
    public var nodes: [Int32]
    public var line: Data
    public var explanation: TagExplanation
}

/// Why an article was filed where it was, for `--explain`: the tags its source or the command line
/// gave, those the taxonomy does not know, and the inference's scores for a facet with no given tag.
public struct TagExplanation: Sendable, Equatable, Encodable {
    public struct Given: Sendable, Equatable, Encodable {
        public var facet: Facet
        public var slug: String
        /// As written in the source or on the command line.
        public var tag: String
        public var isFromCommandLine: Bool
    }

    public var given: [Given] = []
    public var ignored: [String] = []
    /// nil when the facet's tags were given, not inferred.
    public var regions: [Tagger.Score]?
    public var topics: [Tagger.Score]?
}

/// Settles a draft's id, language and tags, and encodes it.
///
/// - Id: the last path segment of the URL (`--url`, the page's canonical link, a feed item's link, a
///   record's url) made into a slug; else a file name that is a slug; else the source's own id when
///   it is slug-like; else `a-` and 16 hex digits of a hash of the title and date.
/// - Tags: the source's own (tag links, categories, record fields) and the command line's, matched
///   against the taxonomy by slug or name in English or Russian; regions and topics only inferred
///   from the text (see `Tagger`) for a facet that got no explicit tag.
/// - Language: the source's, else "ru" when most letters are Cyrillic, else "en".
public struct ArticleAssembler: Sendable {
    public let taxonomy: TaxonomyTable
    public let options: ImportOptions
    let tagger: Tagger
    private let names: [String: (facet: Facet, slug: String)]

    public init(taxonomy: TaxonomyTable, options: ImportOptions, tagger: Tagger = .standard) {
        self.taxonomy = taxonomy
        self.options = options
        self.tagger = tagger
        var names: [String: (Facet, String)] = [:]
        // Sections first, so that a name shared with a region or topic ends as the region or topic.
        for facet in [Facet.sections, .topics, .regions] {
            for index in 0..<taxonomy.count {
                let entry = taxonomy[index]
                guard entry.facet == facet else { continue }
                for key in [entry.slug, entry.name, entry.nameRu, entry.name.replacingOccurrences(of: " ", with: "-")] {
                    names[key.lowercased()] = (facet, entry.slug)
                }
            }
        }
        self.names = names
    }

    public func assemble(_ draft: ArticleDraft, fileName: String? = nil) throws(ImportProblem) -> AssembledArticle {
        guard let published = draft.published else {
            throw ImportProblem.noDate
        }
        let url = (draft.url ?? options.url).map(ImportText.clean) ?? ""
        let id = ArticleIdentity.id(url: url, fileName: fileName, sourceID: draft.sourceID, title: draft.title, published: published)
        var explanation = TagExplanation()

        var regions: [String] = []
        var topics: [String] = []
        var section: String?
        let commandLine = options.regions.count + options.topics.count
        for (index, tag) in (options.regions + options.topics + draft.tags).enumerated() {
            guard let (facet, slug) = resolve(tag) else {
                if options.explains { explanation.ignored.append(tag) }
                continue
            }
            switch facet {
            case .regions: if !regions.contains(slug) { regions.append(slug) }
            case .topics: if !topics.contains(slug) { topics.append(slug) }
            case .sections: if section == nil { section = slug }
            }
            if options.explains {
                explanation.given.append(.init(facet: facet, slug: slug, tag: tag, isFromCommandLine: index < commandLine))
            }
        }
        if regions.isEmpty || topics.isEmpty {
            let inference = tagger.infer(
                title: draft.title, standfirst: draft.summary, body: draft.body.map(\.text))
            if regions.isEmpty {
                regions = inference.givenRegions
                if options.explains { explanation.regions = inference.regions }
            }
            if topics.isEmpty {
                topics = inference.givenTopics
                if options.explains { explanation.topics = inference.topics }
            }
        }
        // A language code the source gives is kept when it is one ("en", "ru", "en-GB" → "en").
        let given = draft.language.map { String($0.prefix { $0.isASCII && $0.isLetter }).lowercased() }
        let language = given.flatMap { (2...3).contains($0.count) ? $0 : nil } ?? ArticleAssembler.language(draft)
        let article = Article(
            id: id, url: url, title: draft.title, authors: draft.authors, published: published, language: language,
            regions: regions, topics: topics, section: section, summary: draft.summary, body: draft.body)
        let nodes = regions.compactMap { taxonomy.index(of: $0, in: .regions) }
            + topics.compactMap { taxonomy.index(of: $0, in: .topics) }
            + (section.flatMap { taxonomy.index(of: $0, in: .sections) }.map { [$0] } ?? [])
        // The same article always gives the same bytes, which is how a re-import sees it unchanged.
        let line = Data(ArticleLine.encode(article))
        return AssembledArticle(article: article, nodes: nodes.map(Int32.init), line: line, explanation: explanation)
    }

    /// The facet a command-line tag names in this taxonomy, or nil when it names nothing.
    public func facet(of tag: String) -> Facet? { resolve(tag)?.0 }

    func resolve(_ tag: String) -> (Facet, String)? {
        let key = ImportText.clean(tag).lowercased()
        if let found = names[key] { return found }
        // "the-bug-pit" and "The Bug Pit", "Nagorno-Karabakh" and "nagorno karabakh".
        return names[key.replacingOccurrences(of: " ", with: "-")] ?? names[key.replacingOccurrences(of: "-", with: " ")]
    }

    /// "ru" when more than half the letters of the title and first paragraphs are Cyrillic.
    static func language(_ draft: ArticleDraft) -> String {
        var cyrillic = 0
        var letters = 0
        // Bytes, not properties: ASCII letters, and the two lead bytes of the Cyrillic block; the
        // title and the start of the text say enough.
        for var text in [draft.title] + draft.body.prefix(2).map(\.text) {
            text.withUTF8 { bytes in
                for byte in bytes.prefix(512) {
                    if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                        letters += 1
                    } else if byte == 0xD0 || byte == 0xD1 {
                        letters += 1
                        cyrillic += 1
                    }
                }
            }
        }
        return letters > 0 && cyrillic * 2 > letters ? "ru" : "en"
    }
}

/// Article ids from URLs, file names and hashes.
public enum ArticleIdentity {
    public static func id(url: String, fileName: String?, sourceID: String?, title: String, published: PublishedDate) -> String {
        if let slug = slug(fromURL: url) { return slug }
        if let id = urlID(url) { return id }
        if let fileName, let slug = slug(fromFileName: fileName) { return slug }
        if let sourceID, let slug = cleanSlug(sourceID), slug.count >= 3, slug.contains(where: \.isLetter) { return slug }
        return hashID(title: title, published: published)
    }

    /// The last path segment of a URL when it is a slug of words ("russia-troops-return") and the URL
    /// asks nothing more (tracking parameters aside). `article.php?id=101` or `…/index.html` are not
    /// slugs: many articles share them.
    public static func slug(fromURL url: String) -> String? {
        guard !hasMeaningfulQuery(url), let last = TagLink.pathParts(url).last else { return nil }
        let decoded = ImportText.contains(last, "%") ? (last.removingPercentEncoding ?? last) : last
        let words = decoded.split(separator: "-", omittingEmptySubsequences: false)
        guard words.count >= 2,
            words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }),
            decoded.contains(where: \.isLetter), decoded.utf8.count <= 200
        else { return nil }
        return decoded
    }

    /// Any other URL: `u-` and 16 hex digits of a hash of it, without its fragment and tracking
    /// parameters, so that each address is its own article.
    static func urlID(_ url: String) -> String? {
        var text = url.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        if let question = text.firstIndex(of: "?") {
            let kept = meaningfulParameters(String(text[text.index(after: question)...]))
            text = String(text[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        return "u-" + FNV1a.hex(FNV1a.hash(text))
    }

    static func hasMeaningfulQuery(_ url: String) -> Bool {
        guard let question = url.firstIndex(of: "?") else { return false }
        var query = url[url.index(after: question)...]
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        return !meaningfulParameters(String(query)).isEmpty
    }

    private static func meaningfulParameters(_ query: String) -> [Substring] {
        query.split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !(name.isEmpty || name.hasPrefix("utm_") || name == "fbclid" || name == "gclid")
        }
    }

    /// A file name that is a slug: lower-case words joined by hyphens, with at least two hyphens,
    /// so that "article.txt" or "page1.html" do not become ids.
    public static func slug(fromFileName name: String) -> String? {
        var base = Substring(name)
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        guard base.filter({ $0 == "-" }).count >= 2,
            base.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
            let slug = cleanSlug(String(base))
        else { return nil }
        return slug
    }

    /// Lower-case ASCII letters, digits and single hyphens; nil when nothing is left.
    static func cleanSlug(_ text: String) -> String? {
        var result = ""
        var lastWasHyphen = true
        let decoded = ImportText.contains(text, "%") ? (text.removingPercentEncoding ?? text) : text
        for scalar in decoded.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                result.unicodeScalars.append(scalar)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                result.append("-")
                lastWasHyphen = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty || result.count > 200 ? nil : result
    }

    /// `a-` and 16 hex digits of a 64-bit FNV-1a hash of the title (spaces collapsed, lower case) and the day.
    public static func hashID(title: String, published: PublishedDate) -> String {
        "a-" + FNV1a.hex(FNV1a.hash(ImportText.clean(title).lowercased() + "|" + published.dayString))
    }
}
