import SteppeCore

/// The archive search: the line being typed, its latest results, and where the reader came from.
public struct SearchState: Sendable, Equatable {
    public var field: TextField
    /// Typing in the status bar; false once a result was opened or the line closed (the results stay
    /// in the menu as "Search: …").
    public var isEditing = true
    /// The text the results below answer.
    public var answered = ""
    public var results: [String] = []
    /// The line of each result around its match, as they come after the results; a result keeps its
    /// previous snippet until the new one arrives, so rows do not blink while typing.
    public var snippets: [String: SearchSnippet] = [:]
    /// Display columns of the query's words in each result's title.
    public var titleHighlights: [String: [Range<Int>]] = [:]
    public var problem: SearchProblem?
    /// Results from an index still being built: more may come.
    public var isPartial = false
    /// The list to go back to when the search is closed.
    public var origin: MenuItem
    /// Enter was pressed before the results of what was typed arrived: open the best one when they do.
    public var opensWhenAnswered = false

    public init(field: TextField, origin: MenuItem) {
        self.field = field
        self.origin = origin
    }
}

/// How far the archive's search index is.
public enum SearchIndexStatus: Sendable, Equatable {
    case notStarted
    case building(done: Int, total: Int)
    case ready
    case failed(SearchProblem)
}

/// What the runner searches for: the text as typed, and, for `is:` and `has:` filters, the reader's
/// own lists, which the index does not know.
public struct SearchRequest: Sendable, Equatable {
    public var text: String
    public var limit: Int
    /// The last word is still being typed: match it as a prefix.
    public var completesLastWord = true
    public var bookmarked: Set<String>
    public var read: Set<String>
    public var noted: Set<String>

    public init(text: String, limit: Int, bookmarked: Set<String> = [], read: Set<String> = [], noted: Set<String> = []) {
        self.text = text
        self.limit = limit
        self.bookmarked = bookmarked
        self.read = read
        self.noted = noted
    }
}
