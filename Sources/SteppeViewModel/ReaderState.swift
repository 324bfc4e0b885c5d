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
        public var node: Int
        public var position: Int

        public init(node: Int, position: Int) {
            self.node = node
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

    /// Re-wraps the text for a new width (only when the width changed) and keeps the anchor in view.
    public mutating func relayout(width: Int, visible: Int, taxonomy: TaxonomyTable, strings: Strings) {
        guard case .loaded(let article) = content else { return }
        if layout?.width != min(width, ArticleLayout.maximumMeasure) || layout?.strings != strings {
            layout = ArticleLayout(article: article, taxonomy: taxonomy, width: width, strings: strings)
        }
        guard let layout else { return }
        topLine = ScrollMath.clamp(top: layout.line(for: anchor), count: layout.lines.count, visible: visible)
    }
}
