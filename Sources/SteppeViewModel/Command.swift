/// What a key asks for. The key map turns keys into commands; the reducer interprets them by context.
public enum Command: String, Sendable, Equatable, CaseIterable {
    case moveUp, moveDown
    case collapseOrLeave, expandOrEnter
    case open
    case focusNext, focusPrevious
    case pageDown, pageUp, top, bottom
    case nextArticle, previousArticle
    case back
    case quit
    case toggleHelp
}

/// Which bindings apply: the focused pane, or the help screen over everything.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, menu, list, article, help

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .menu: "Menu"
        case .list: "Article list"
        case .article: "Article"
        case .help: "Help"
        }
    }
}
