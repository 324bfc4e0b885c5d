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
    /// Words of the cursor's paragraph selected to quote.
    public var selection: Selection?

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
    public mutating func relayout(width: Int, visible: Int, taxonomy: TaxonomyTable, strings: Strings) {
        guard case .loaded(let article) = content else { return }
        if layout?.width != min(width, ArticleLayout.maximumMeasure) || layout?.strings != strings || layout?.notes != notes {
            layout = ArticleLayout(article: article, taxonomy: taxonomy, width: width, strings: strings, notes: notes, blocks: blocks)
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

    /// The first block with a line on screen, for a cursor that starts where the reader is looking.
    func firstVisibleBlock(visible: Int) -> Int? {
        guard let layout else { return nil }
        let end = min(layout.lines.count, topLine + max(1, visible))
        for i in topLine..<max(topLine, end) {
            let block = layout.lines[i].anchor.block
            if block >= 0 && block < blocks.count && layout.lines[i].noteID == nil && !layout.lines[i].spans.isEmpty {
                return block
            }
        }
        return nil
    }

    /// Moves the paragraph cursor `step` blocks on (skipping blocks without text) and scrolls it into view.
    public mutating func moveCursor(by step: Int, visible: Int) {
        guard !blocks.isEmpty else { return }
        var target: Int
        if let cursor {
            target = cursor + step
            while blocks.indices.contains(target), blocks[target].isEmpty { target += step }
            guard blocks.indices.contains(target) else { return }
        } else {
            target = firstVisibleBlock(visible: visible) ?? (step > 0 ? 0 : blocks.count - 1)
        }
        cursor = target
        selection = nil
        reveal(block: target, visible: visible)
    }

    /// Scrolls so that a block's first line (and as much of it as fits) is on screen.
    public mutating func reveal(block: Int, visible: Int) {
        guard let layout else { return }
        guard let first = layout.lines.firstIndex(where: { $0.anchor.block == block && !$0.spans.isEmpty }) else { return }
        let last = layout.lines.lastIndex(where: { $0.anchor.block == block && $0.noteID == nil }) ?? first
        if first < topLine {
            scroll(to: first, visible: visible)
        } else if last >= topLine + visible {
            scroll(to: min(first, last - visible + 1), visible: visible)
        }
    }
}
