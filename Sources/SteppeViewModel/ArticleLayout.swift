import SteppeCore

/// An article laid out as lines of styled text for one width: title, byline, tags, then the body.
///
/// Used by the article pane and by `steppe show`, so the terminal and the pipe read the same.
public struct ArticleLayout: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var text: String
        public var role: StyleRole

        public init(_ text: String, _ role: StyleRole) {
            self.text = text
            self.role = role
        }
    }

    /// A place in the article that survives re-wrapping: a block and a character offset in it.
    /// Block -1 is the heading part (title, byline, tags).
    public struct Anchor: Sendable, Equatable, Comparable, Codable {
        public var block: Int
        public var offset: Int

        public init(block: Int, offset: Int) {
            self.block = block
            self.offset = offset
        }

        public static let top = Anchor(block: -1, offset: 0)

        public static func < (a: Anchor, b: Anchor) -> Bool {
            a.block != b.block ? a.block < b.block : a.offset < b.offset
        }
    }

    public struct Line: Sendable, Equatable {
        public var spans: [Span]
        public var anchor: Anchor

        public var text: String { spans.map(\.text).joined() }
    }

    /// The column width the text was wrapped to.
    public let width: Int
    /// The interface language of the byline and the end mark.
    public let strings: Strings
    public let lines: [Line]

    /// The widest measure the body is set to, however wide the pane: long lines are hard to read.
    public static let maximumMeasure = 88

    /// The most characters of body text the pane lays out (a long book chapter is about 100,000).
    public static let maximumArticleLength = 400_000

    /// `capped` limits the measure to `maximumMeasure`; plain-text output asks for the width it was given.
    public init(article: Article, taxonomy: TaxonomyTable, width: Int, strings: Strings, capped: Bool = true) {
        let measure = max(1, capped ? min(width, ArticleLayout.maximumMeasure) : width)
        self.width = measure
        self.strings = strings
        var lines: [Line] = []

        func add(_ text: String, role: StyleRole, anchor block: Int, indent: String = "", firstIndent: String? = nil,
                 prefixRole: StyleRole? = nil)
        {
            let clean = TextSanitizer.clean(text)
            let first = firstIndent ?? indent
            let available = max(1, measure - DisplayWidth.of(indent))
            for (i, line) in TextWrapper.wrap(clean, width: available).enumerated() {
                let lead = i == 0 ? first : indent
                var spans: [Span] = []
                if !lead.isEmpty { spans.append(Span(lead, prefixRole ?? role)) }
                spans.append(Span(line.text, role))
                // Heading lines are anchored by their position, which only grows; body lines by their text offset.
                let offset = block < 0 ? lines.count : line.start
                lines.append(Line(spans: spans, anchor: Anchor(block: block, offset: offset)))
            }
        }
        func blank(_ block: Int) {
            let offset = block < 0 ? lines.count : -1
            lines.append(Line(spans: [], anchor: Anchor(block: block, offset: offset)))
        }

        add(article.title, role: .articleTitle, anchor: -1)
        var byline: [String] = []
        if !article.authors.isEmpty { byline.append(strings.byline(article.authors)) }
        byline.append(strings.longDate(article.published))
        if !article.isEnglish { byline.append(strings.languageName(article.language)) }
        add(byline.joined(separator: " · "), role: .byline, anchor: -1)
        let tags = ArticleLayout.tagLine(article, taxonomy, strings.language)
        if !tags.isEmpty { add(tags, role: .tag, anchor: -1) }
        if !article.url.isEmpty { add(article.url, role: .dim, anchor: -1) }
        if let summary = article.summary, !summary.isEmpty {
            blank(-1)
            add(summary, role: .summary, anchor: -1)
        }
        var budget = capped ? ArticleLayout.maximumArticleLength : Int.max
        for (index, block) in article.body.enumerated() {
            blank(index)
            // A block past the budget is cut, and says so: laying out a 50 MB paragraph would hold
            // the screen for seconds on every open and resize. `steppe show` prints it whole.
            var text = block.text
            var cutBytes = 0
            // Measured in UTF-8 first (free), then cut by walking only as far as the budget.
            if text.utf8.count > budget,
                let end = text.index(text.startIndex, offsetBy: budget, limitedBy: text.endIndex), end < text.endIndex
            {
                cutBytes = text.utf8.count - text[..<end].utf8.count
                text = String(text[..<end])
            }
            budget = cutBytes > 0 ? 0 : max(0, budget - text.utf8.count)
            switch block.kind {
            case .paragraph: add(text, role: .body, anchor: index)
            case .heading: add(text, role: .heading, anchor: index)
            case .quote: add(text, role: .quote, anchor: index, indent: "  ┃ ", prefixRole: .dim)
            case .listItem: add(text, role: .body, anchor: index, indent: "    ", firstIndent: "  • ", prefixRole: .listBullet)
            }
            if cutBytes > 0 { add(strings.textCut(bytes: cutBytes), role: .dim, anchor: index) }
        }
        blank(article.body.count)
        lines.append(Line(spans: [Span(strings.endOfArticle, .dim)], anchor: Anchor(block: article.body.count, offset: 0)))
        self.lines = lines
    }

    static func tagLine(_ article: Article, _ taxonomy: TaxonomyTable, _ language: Language) -> String {
        func names(_ slugs: [String], _ facet: Facet) -> [String] {
            slugs.map { slug in taxonomy.index(of: slug, in: facet).map { taxonomy[$0].name(in: language) } ?? slug }
        }
        var parts: [String] = []
        let regions = names(article.regions, .regions)
        if !regions.isEmpty { parts.append(regions.joined(separator: ", ")) }
        let topics = names(article.topics, .topics)
        if !topics.isEmpty { parts.append(topics.joined(separator: ", ")) }
        if let section = article.section { parts.append(contentsOf: names([section], .sections)) }
        return parts.joined(separator: " · ")
    }

    /// The line to put at the top so that `anchor` stays in view: the last line starting at or before it.
    public func line(for anchor: Anchor) -> Int {
        var low = 0
        var high = lines.count - 1
        var best = 0
        while low <= high {
            let mid = (low + high) / 2
            if lines[mid].anchor <= anchor {
                best = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return best
    }

    /// The article as plain text, one wrapped line per line.
    public var plainText: String { lines.map { $0.text }.joined(separator: "\n") + "\n" }
}
