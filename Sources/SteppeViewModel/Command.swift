import SteppeCore

/// What a key asks for. The key map turns keys into commands; the reducers interpret them by context.
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
    /// Repaint the whole screen (Ctrl-L), after something else wrote over it.
    case redraw
    /// The article's link: open it in a browser, or copy it to the terminal's clipboard.
    case openLink, copyLink
    /// Mouse: select what is under the pointer (a second click opens it), or scroll the pane under it.
    case pointerSelect, pointerScrollUp, pointerScrollDown
}

/// Which bindings apply: the focused pane, the help screen over everything, or the archive still opening
/// (when every other key is kept and replayed once it is open).
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, menu, list, article, help, opening
}
