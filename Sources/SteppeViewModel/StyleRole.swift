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
}
