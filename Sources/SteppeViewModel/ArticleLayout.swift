import SteppeCore

/// An article laid out as lines of styled text for one width: title, byline, tags, then the body.
///
/// Used by the article pane and by `steppe show`, so the terminal and the pipe read the same.
public struct ArticleLayout: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var text: String
        public var role: StyleRole
        /// For the block's own text, the character offset where the span starts in the block's
        /// (cleaned) text, so that a selection can be drawn over it; nil for everything else.
        public var offset: Int?

        public init(_ text: String, _ role: StyleRole, offset: Int? = nil) {
            self.text = text
            self.role = role
            self.offset = offset
        }
    }

    /// The reader's notes as they fall in this article: on paragraphs (with the quoted characters),
    /// on the article as a whole, and detached ones whose quote is no longer in the text.
    public struct Notes: Sendable, Equatable {
        public var onBlocks: [Int: [PlacedNote]] = [:]
        public var onArticle: [Note] = []
        public var detached: [Note] = []
        /// Notes hidden (`A`): quotes and markers stay, boxes go.
        public var showsBoxes = true

        public init() {}

        public var isEmpty: Bool { onBlocks.isEmpty && onArticle.isEmpty && detached.isEmpty }

        /// Places each note of an article in its blocks' text.
        public init(_ notes: [Note], blocks: [String], showsBoxes: Bool = true) {
            self.showsBoxes = showsBoxes
            for note in notes {
                guard let anchor = note.anchor else {
                    onArticle.append(note)
                    continue
                }
                if let placement = anchor.locate(in: blocks) {
                    onBlocks[placement.block, default: []].append(PlacedNote(note: note, range: placement.range))
                } else {
                    detached.append(note)
                }
            }
        }

        public var all: [Note] { onArticle + onBlocks.keys.sorted().flatMap { onBlocks[$0]!.map(\.note) } + detached }
    }

    /// An article no longer in the archive, shown as what is known of it: with or without its date.
    public enum Missing: Sendable, Equatable {
        case withDate, withoutDate
    }

    public struct PlacedNote: Sendable, Equatable {
        public var note: Note
        /// The quoted characters in the block's cleaned text; nil for a note on the whole paragraph.
        public var range: Range<Int>?
    }

    public enum Marker: Sendable, Equatable {
        /// The first line of a paragraph with notes.
        case note
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
        /// Shown in the margin, left of the text.
        public var marker: Marker?
        /// The note this line draws, for a line of a note's box.
        public var noteID: String?

        public var text: String { spans.map(\.text).joined() }
    }

    /// The column width the text was wrapped to.
    public let width: Int
    /// The interface language of the byline and the end mark.
    public let strings: Strings
    public let lines: [Line]
    public let notes: Notes

    /// The widest measure the body is set to, however wide the pane: long lines are hard to read.
    public static let maximumMeasure = 88

    /// The most characters of body text the pane lays out (a long book chapter is about 100,000).
    public static let maximumArticleLength = 400_000
    /// The most characters of a note shown in its box.
    public static let maximumNoteLength = 20_000

    /// `capped` is the pane: the measure is at most `measureLimit`, the text at most
    /// `maximumArticleLength`, links stay on one line; plain-text output (`capped: false`) gets the
    /// width it asks for and everything whole.
    /// The text of each block as the pane shows it (cleaned of what a terminal cannot show): the
    /// text notes quote and are found in again.
    public static func blockTexts(_ article: Article) -> [String] { article.body.map { TextSanitizer.clean($0.text) } }

    public init(
        article: Article, taxonomy: TaxonomyTable, width: Int, strings: Strings, capped: Bool = true,
        measureLimit: Int = ArticleLayout.maximumMeasure, notes: Notes = Notes(), blocks cleanBlocks: [String]? = nil,
        missing: Missing? = nil
    ) {
        // The blocks' text already cleaned (`blockTexts`), when the caller has it: not cleaned twice.
        let cleanBlocks = cleanBlocks?.count == article.body.count ? cleanBlocks : nil
        let measure = max(1, capped ? min(width, measureLimit) : width)
        self.width = measure
        self.strings = strings
        self.notes = notes
        var lines: [Line] = []

        /// `quotes`: character ranges of the text to show as quoted by a note.
        func add(_ text: String, role: StyleRole, anchor block: Int, indent: String = "", firstIndent: String? = nil,
                 prefixRole: StyleRole? = nil, quotes: [Range<Int>] = [], marker: Marker? = nil, isClean: Bool = false)
        {
            let clean = isClean ? text : TextSanitizer.clean(text)
            let first = firstIndent ?? indent
            let available = max(1, measure - DisplayWidth.of(indent))
            // A no-break space has done its work once wrapped: on screen (and in a copy) it is a space.
            let hasNoBreak = block < 0 && clean.unicodeScalars.contains("\u{00A0}")
            for (i, wrapped) in TextWrapper.wrap(clean, width: available).enumerated() {
                var line = wrapped
                if hasNoBreak { line.text = line.text.replacingOccurrences(of: "\u{00A0}", with: " ") }
                let lead = i == 0 ? first : indent
                var spans: [Span] = []
                if !lead.isEmpty { spans.append(Span(lead, prefixRole ?? role)) }
                if block >= 0 {
                    spans += ArticleLayout.split(line.text, from: line.start, role: role, quotes: quotes)
                } else {
                    spans.append(Span(line.text, role))
                }
                // Heading lines are anchored by their position, which only grows; body lines by their text offset.
                let offset = block < 0 ? lines.count : line.start
                lines.append(Line(spans: spans, anchor: Anchor(block: block, offset: offset), marker: i == 0 ? marker : nil))
            }
        }
        /// A note in a box under its paragraph; its lines come after the paragraph's text in reading order.
        func box(_ note: Note, block: Int, title: String? = nil) {
            let inner = max(1, measure - 4)
            var next = block < 0 ? lines.count : ArticleLayout.noteLineOffset + lines.count
            func line(_ spans: [Span]) {
                lines.append(Line(spans: spans, anchor: Anchor(block: block, offset: next), noteID: note.id))
                next += 1
            }
            let label = title.map { "─ \($0) " } ?? ""
            let top = "╭" + label + String(repeating: "─", count: max(0, measure - 2 - DisplayWidth.of(label))) + "╮"
            line([Span(top, .noteBox)])
            var body: [(text: String, width: Int)] = []
            // A note pasted or imported at book length is shown in part, as an article is.
            var text = note.text
            if text.utf8.count > ArticleLayout.maximumNoteLength,
                let end = text.index(text.startIndex, offsetBy: ArticleLayout.maximumNoteLength, limitedBy: text.endIndex),
                end < text.endIndex
            {
                let rest = text[end...].count
                text = String(text[..<end]) + "\n" + strings.noteCut(characters: rest)
            }
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let wrapped = TextWrapper.wrap(TextSanitizer.clean(String(paragraph)), width: inner)
                body += wrapped.isEmpty ? [("", 0)] : wrapped.map { ($0.text, $0.width) }
            }
            for text in body {
                let pad = String(repeating: " ", count: max(0, inner - text.width))
                line([Span("│ ", .noteBox), Span(text.text + pad, .noteText), Span(" │", .noteBox)])
            }
            line([Span("╰" + String(repeating: "─", count: max(0, measure - 2)) + "╯", .noteBox)])
        }
        func blank(_ block: Int) {
            let offset = block < 0 ? lines.count : -1
            lines.append(Line(spans: [], anchor: Anchor(block: block, offset: offset)))
        }

        add(article.title, role: .articleTitle, anchor: -1)
        var byline: [String] = []
        if !article.authors.isEmpty { byline.append(strings.byline(article.authors)) }
        // A date is not broken across lines in the pane ("5 May" / "2021").
        if missing != .withoutDate {
            let date = strings.longDate(article.published)
            byline.append(capped ? date.replacingOccurrences(of: " ", with: "\u{00A0}") : date)
        }
        if missing != nil { byline.append(strings.missingFromArchive) }
        if !article.isEnglish { byline.append(strings.languageName(article.language)) }
        // In the pane a no-break space keeps "·" at the end of a line when these wrap; plain text
        // keeps ordinary spaces for whoever reads or greps it.
        let separator = capped ? "\u{00A0}· " : " · "
        add(byline.joined(separator: separator), role: .byline, anchor: -1)
        let tags = ArticleLayout.tagLine(article, taxonomy, strings.language, separator: separator)
        if !tags.isEmpty { add(tags, role: .tag, anchor: -1) }
        if !article.url.isEmpty {
            // In the pane a link stays on one line, cut with "…" (o opens it, y copies it whole);
            // broken across lines, a terminal would no longer see it as one link.
            let url = TextSanitizer.clean(article.url)
            if capped, DisplayWidth.of(url) > measure {
                lines.append(Line(spans: [Span(DisplayWidth.truncate(url, to: measure), .dim)], anchor: Anchor(block: -1, offset: lines.count)))
            } else {
                add(article.url, role: .dim, anchor: -1)
            }
        }
        if let summary = article.summary, !summary.isEmpty {
            blank(-1)
            add(summary, role: .summary, anchor: -1)
        }
        if notes.showsBoxes {
            for note in notes.onArticle {
                blank(-1)
                box(note, block: -1, title: strings.noteOnArticle)
            }
        }
        var budget = capped ? ArticleLayout.maximumArticleLength : Int.max
        for (index, block) in article.body.enumerated() {
            blank(index)
            // A block past the budget is cut, and says so: laying out a 50 MB paragraph would hold
            // the screen for seconds on every open and resize. `steppe show` prints it whole.
            var text = cleanBlocks?[index] ?? block.text
            var cutBytes = 0
            // Measured in UTF-8 first (free), then cut by walking only as far as the budget.
            if text.utf8.count > budget,
                let end = text.index(text.startIndex, offsetBy: budget, limitedBy: text.endIndex), end < text.endIndex
            {
                cutBytes = text.utf8.count - text[..<end].utf8.count
                text = String(text[..<end])
            }
            budget = cutBytes > 0 ? 0 : max(0, budget - text.utf8.count)
            let placed = notes.onBlocks[index] ?? []
            let quotes = placed.compactMap(\.range)
            let marker: Marker? = placed.isEmpty ? nil : .note
            let isClean = cleanBlocks != nil
            switch block.kind {
            case .paragraph: add(text, role: .body, anchor: index, quotes: quotes, marker: marker, isClean: isClean)
            case .heading: add(text, role: .heading, anchor: index, quotes: quotes, marker: marker, isClean: isClean)
            case .quote:
                add(text, role: .quote, anchor: index, indent: "  ┃ ", prefixRole: .dim, quotes: quotes, marker: marker,
                    isClean: isClean)
            case .listItem:
                add(text, role: .body, anchor: index, indent: "    ", firstIndent: "  • ", prefixRole: .listBullet,
                    quotes: quotes, marker: marker, isClean: isClean)
            }
            if cutBytes > 0 { add(strings.textCut(bytes: cutBytes), role: .dim, anchor: index) }
            if notes.showsBoxes {
                // A note on quoted words names them, so two notes on one paragraph can be told apart.
                for note in placed {
                    let quote = note.note.anchor?.quote ?? ""
                    box(note.note, block: index, title: quote.isEmpty ? nil : strings.quoted(DisplayWidth.truncate(quote, to: max(4, measure - 10))))
                }
            }
        }
        let end = article.body.count
        if !notes.detached.isEmpty {
            blank(end)
            // An article gone from the archive keeps its notes; they are not detached from a text that changed.
            let heading = missing == nil ? strings.detachedNotes : strings.notesOfMissingArticle
            lines.append(Line(spans: [Span(heading, .heading)], anchor: Anchor(block: end, offset: 0)))
            if notes.showsBoxes {
                for note in notes.detached {
                    box(note, block: end, title: ArticleLayout.detachedTitle(note, width: max(4, measure - 10), strings))
                }
            }
        }
        lines.append(Line(spans: [], anchor: Anchor(block: end, offset: ArticleLayout.endOffset - 1)))
        lines.append(Line(spans: [Span(strings.endOfArticle, .dim)], anchor: Anchor(block: end, offset: ArticleLayout.endOffset)))
        self.lines = lines
    }

    /// What a detached note was on: its quoted words, or the opening of its paragraph, cut at a word
    /// where the kept context ended.
    static func detachedTitle(_ note: Note, width: Int, _ strings: Strings) -> String? {
        guard let anchor = note.anchor else { return nil }
        if !anchor.quote.isEmpty { return strings.quoted(DisplayWidth.truncate(anchor.quote, to: width)) }
        guard !anchor.after.isEmpty else { return nil }
        var opening = anchor.after
        if opening.count >= NoteAnchor.contextLength, let space = opening.lastIndex(where: \.isWhitespace) {
            opening = String(opening[..<space]) + "…"
        }
        return strings.paragraphStarting(DisplayWidth.truncate(opening, to: width))
    }

    /// Note boxes sit after their paragraph's text: their offsets lie past any text offset.
    static let noteLineOffset = 1 << 40
    static let endOffset = 1 << 50

    /// A wrapped line of a block's text as spans, quoted characters in their own role.
    static func split(_ text: String, from start: Int, role: StyleRole, quotes: [Range<Int>]) -> [Span] {
        guard !quotes.isEmpty else { return [Span(text, role, offset: start)] }
        let characters = Array(text)
        let end = start + characters.count
        let inLine = quotes.filter { $0.overlaps(start..<end) }
        guard !inLine.isEmpty else { return [Span(text, role, offset: start)] }
        var spans: [Span] = []
        var i = start
        func emit(_ upTo: Int, _ spanRole: StyleRole) {
            guard upTo > i else { return }
            spans.append(Span(String(characters[(i - start)..<(upTo - start)]), spanRole, offset: i))
            i = upTo
        }
        for quote in inLine.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            emit(max(i, min(end, quote.lowerBound)), role)
            emit(min(end, quote.upperBound), .noteQuote)
        }
        emit(end, role)
        return spans
    }

    static func tagLine(_ article: Article, _ taxonomy: TaxonomyTable, _ language: Language, separator: String) -> String {
        func names(_ slugs: [String], _ facet: Facet) -> [String] {
            slugs.map { slug in taxonomy.index(of: slug, in: facet).map { taxonomy[$0].name(in: language) } ?? slug }
        }
        var parts: [String] = []
        let regions = names(article.regions, .regions)
        if !regions.isEmpty { parts.append(regions.joined(separator: ", ")) }
        let topics = names(article.topics, .topics)
        if !topics.isEmpty { parts.append(topics.joined(separator: ", ")) }
        if let section = article.section { parts.append(contentsOf: names([section], .sections)) }
        return parts.joined(separator: separator)
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
