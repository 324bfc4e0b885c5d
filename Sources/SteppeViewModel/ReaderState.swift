import SteppeCore

/// An open article: what is shown, laid out for the pane's width, and where the reader is in it.
public struct ReaderState: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case loading
        case loaded(Article)
        case failed(ArchiveError)
    }

    /// The list an article was opened from: `n`, `p` and the position in the title refer to it,
    /// whatever the menu shows meanwhile.
    public struct Origin: Sendable, Equatable {
        public var list: MenuItem
        public var position: Int

        public init(list: MenuItem, position: Int) {
            self.list = list
            self.position = position
        }
    }

    public enum Outcome: Sendable, Equatable {
        case close
        /// Open the article this many places further along the origin list.
        case step(Int)
    }

    public var articleID: String
    /// Known from the header before the text arrives, so the pane has a title at once.
    public var title: String
    public var origin: Origin
    public var content: Content
    public var layout: ArticleLayout?
    /// The first line shown.
    public var topLine: Int = 0
    /// What is at the top, kept across re-wrapping so a resize never loses the reader's place.
    public var anchor: ArticleLayout.Anchor = .top
    /// The text of each block as shown: what notes quote and are placed in.
    public var blocks: [String] = []
    /// The reader's notes on this article, placed in its text.
    public var notes = ArticleLayout.Notes()
    /// The paragraph cursor: a block of the body, once `[` or `]` was pressed.
    public var cursor: Int?
    /// The note box the cursor is on, when it stopped at one rather than at a paragraph.
    public var cursorNote: String?
    /// Words of the cursor's paragraph selected to quote.
    public var selection: Selection?
    /// A search inside this article, while there is one.
    public var find: ArticleFind?
    /// No longer in the archive: shown as what is known of it (title, link), with its notes.
    public var isMissing = false
    /// …and without even a date.
    public var missingDate = false

    /// A span of words in one block: from the word where it started to the word it was moved to.
    public struct Selection: Sendable, Equatable {
        public var block: Int
        public var start: Int
        public var end: Int

        public init(block: Int, start: Int, end: Int) {
            self.block = block
            self.start = start
            self.end = end
        }
    }

    public init(articleID: String, title: String, origin: Origin, content: Content = .loading) {
        self.articleID = articleID
        self.title = title
        self.origin = origin
        self.content = content
    }

    public var lineCount: Int { layout?.lines.count ?? 0 }

    /// `visible` is the number of text rows in the pane.
    public mutating func reduce(_ command: Command, visible: Int) -> Outcome? {
        let page = max(1, visible - 1)
        switch command {
        case .moveDown: scroll(to: topLine + 1, visible: visible)
        case .moveUp: scroll(to: topLine - 1, visible: visible)
        case .pointerScrollDown: scroll(to: topLine + 3, visible: visible)
        case .pointerScrollUp: scroll(to: topLine - 3, visible: visible)
        case .pageDown: scroll(to: topLine + page, visible: visible)
        case .pageUp: scroll(to: topLine - page, visible: visible)
        case .top: scroll(to: 0, visible: visible)
        case .bottom: scroll(to: lineCount, visible: visible)
        case .nextArticle: return .step(1)
        case .previousArticle: return .step(-1)
        case .back: return .close
        default: return nil
        }
        return nil
    }

    public mutating func scroll(to line: Int, visible: Int) {
        guard let layout else { return }
        topLine = ScrollMath.clamp(top: line, count: layout.lines.count, visible: visible)
        anchor = layout.lines.isEmpty ? .top : layout.lines[topLine].anchor
    }

    /// Re-wraps the text for a new width (only when the width, the language or the notes changed)
    /// and keeps the anchor in view.
    /// `measure` is the longest line wanted (0: the whole width).
    public mutating func relayout(width: Int, measure: Int = ArticleLayout.maximumMeasure, visible: Int, taxonomy: TaxonomyTable, strings: Strings) {
        guard case .loaded(let article) = content else { return }
        let width = measure > 0 ? min(width, measure) : width
        if layout?.width != width || layout?.strings != strings || layout?.notes != notes {
            layout = ArticleLayout(
                article: article, taxonomy: taxonomy, width: width, strings: strings, measureLimit: Int.max, notes: notes, blocks: blocks,
                missing: isMissing ? (missingDate ? .withoutDate : .withDate) : nil)
        }
        guard let layout else { return }
        topLine = ScrollMath.clamp(top: layout.line(for: anchor), count: layout.lines.count, visible: visible)
    }
}

extension ReaderState {
    /// The selected characters of the selection's block.
    public var selectedRange: Range<Int>? {
        guard let selection, blocks.indices.contains(selection.block) else { return nil }
        let words = Words.ranges(in: blocks[selection.block])
        guard words.indices.contains(selection.start), words.indices.contains(selection.end) else { return nil }
        let (a, b) = (min(selection.start, selection.end), max(selection.start, selection.end))
        return words[a].lowerBound..<words[b].upperBound
    }

    /// A place the paragraph cursor stops at: a paragraph (any block with text), or a note's box.
    public enum Stop: Sendable, Equatable {
        case block(Int)
        /// A note's box, and the block it belongs to (−1 for the article, past the last for detached notes).
        case note(String, block: Int)
    }

    /// Every stop in reading order, with the first line of each. The first is the article's heading,
    /// where a note is on the article as a whole.
    func stops() -> [(stop: Stop, line: Int)] {
        guard let layout, !layout.lines.isEmpty else { return [] }
        var stops: [(Stop, Int)] = [(.block(-1), 0)]
        var seenBlocks = Set<Int>()
        var seenNotes = Set<String>()
        for (i, line) in layout.lines.enumerated() {
            if let id = line.noteID {
                if seenNotes.insert(id).inserted { stops.append((.note(id, block: line.anchor.block), i)) }
            } else if blocks.indices.contains(line.anchor.block), !line.spans.isEmpty, seenBlocks.insert(line.anchor.block).inserted {
                stops.append((.block(line.anchor.block), i))
            }
        }
        return stops
    }

    /// Moves the cursor to the next (or previous) paragraph or note box, and scrolls it into view.
    /// The first move starts at the first one on screen.
    public mutating func moveCursor(by step: Int, visible: Int) {
        let stops = self.stops()
        guard !stops.isEmpty else { return }
        let target: Int
        if let current = stops.firstIndex(where: { matches($0.stop) }) {
            target = current + step
            guard stops.indices.contains(target) else { return }
        } else {
            // The first move starts on what is on screen, past the heading, which `[` reaches from there.
            target = stops.firstIndex { $0.line >= topLine && $0.stop != .block(-1) } ?? (step > 0 ? 0 : stops.count - 1)
        }
        switch stops[target].stop {
        case .block(let block):
            cursor = block
            cursorNote = nil
        case .note(let id, let block):
            cursor = block
            cursorNote = id
        }
        selection = nil
        reveal(visible: visible)
    }

    /// Puts the cursor on a paragraph: the one it is on or under, else the next one from where it is
    /// (or from the top of the screen).
    public mutating func moveCursorToParagraph(visible: Int) {
        if let cursor, blocks.indices.contains(cursor) {
            cursorNote = nil
            return
        }
        let stops = self.stops()
        let start = stops.firstIndex(where: { matches($0.stop) }) ?? stops.firstIndex { $0.line >= topLine } ?? 0
        guard let found = stops[start...].first(where: { if case .block(let b) = $0.stop { b >= 0 } else { false } }),
            case .block(let block) = found.stop
        else { return }
        cursor = block
        cursorNote = nil
        reveal(visible: visible)
    }

    private func matches(_ stop: Stop) -> Bool {
        switch stop {
        case .block(let b): cursorNote == nil && cursor == b
        case .note(let id, _): cursorNote == id
        }
    }

    /// Whether a line of the layout is under the cursor (and gets the bar in the margin).
    public func isUnderCursor(_ line: ArticleLayout.Line) -> Bool {
        if let cursorNote { return line.noteID == cursorNote }
        guard let cursor else { return false }
        return line.anchor.block == cursor && line.noteID == nil && !line.spans.isEmpty
    }

    /// Scrolls so that what the cursor is on is in view (as much of it as fits).
    public mutating func reveal(visible: Int) {
        guard let layout else { return }
        let lines = layout.lines.indices.filter { isUnderCursor(layout.lines[$0]) }
        guard let first = lines.first, let last = lines.last else { return }
        if first < topLine {
            scroll(to: first, visible: visible)
        } else if last >= topLine + visible {
            scroll(to: min(first, last - visible + 1), visible: visible)
        }
    }

}
