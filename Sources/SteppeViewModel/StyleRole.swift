/// What a piece of text is, for the theme to decide how it looks. Views speak only in roles.
public enum StyleRole: String, Sendable, Hashable, CaseIterable, Codable {
    case base
    case paneTitle
    case paneTitleFocused
    case separator
    case menuItem
    case menuGroup
    case menuCount
    case selection
    case selectionInactive
    case listDate
    case listTitle
    case listAuthor
    case listMarker
    case articleTitle
    case byline
    case tag
    case summary
    case body
    case heading
    case quote
    case listBullet
    case dim
    case statusBar
    case statusKey
    case statusMessage
    case warning
    case helpTitle
    case helpKey
    case progress
    /// The title of an article not yet read.
    case listUnread
    /// ★ on a bookmarked article, ✎ and note counts.
    case bookmarkMarker
    case noteMarker
    /// A note's box and its text; words a note quotes, in the article's text.
    case noteBox
    case noteText
    case noteQuote
    /// The paragraph cursor in the margin, and words selected to quote.
    case paragraphCursor
    case textSelection
    /// Words a search found in the article's text (the current one is drawn as a selection).
    case searchMatch
}
