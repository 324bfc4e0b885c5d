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

/// What else is true of a cell's text, laid over its role's look by the theme: a selected unread
/// title keeps the weight of "unread" under the colours of "selected".
public struct StyleModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bookmarked = StyleModifiers(rawValue: 1)
    public static let unread = StyleModifiers(rawValue: 2)
    /// Selected in a pane that does not have the focus.
    public static let selectedInactive = StyleModifiers(rawValue: 4)
    public static let selected = StyleModifiers(rawValue: 8)

    /// The order modifiers are laid on, with their names in theme files: where two set the same
    /// thing, the later wins ("selected" over "unread" over "bookmarked").
    public static let layers: [(modifier: StyleModifiers, name: String)] = [
        (.bookmarked, "bookmarked"), (.unread, "unread"), (.selectedInactive, "selectedInactive"), (.selected, "selected"),
    ]
}
