import SteppeCore

/// An open article: what is shown, laid out for the pane's width, and where the reader is in it.
public struct ReaderState: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case loading
        case loaded(Article)
        case failed(String)
    }

    /// The article, as an index into the library's headers.
    public var articleIndex: Int
    /// Its position in the list it was opened from, for next and previous.
    public var listPosition: Int
    public var content: Content
    public var layout: ArticleLayout?
    /// The first line shown.
    public var topLine: Int = 0
    /// What is at the top, kept across re-wrapping so a resize never loses the reader's place.
    public var anchor: ArticleLayout.Anchor = .top

    public init(articleIndex: Int, listPosition: Int, content: Content = .loading) {
        self.articleIndex = articleIndex
        self.listPosition = listPosition
        self.content = content
    }

    public var lineCount: Int { layout?.lines.count ?? 0 }
}
