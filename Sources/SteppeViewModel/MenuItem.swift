import SteppeCore

/// An entry of the menu, and so a list the list pane can show: a taxonomy node, or one of the
/// reader's own lists.
public enum MenuItem: Sendable, Hashable {
    case node(Int)
    /// Articles opened most recently: "Continue reading".
    case recent
    case bookmarks
    /// Bookmarks that carry this label.
    case label(String)
    /// Articles with notes, the one noted last first.
    case notes
    /// The results of the current search, best first: a temporary entry while there is a search.
    case searchResults

    public var node: Int? {
        if case .node(let n) = self { return n }
        return nil
    }
}
