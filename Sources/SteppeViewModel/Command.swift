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
    /// Read the archive again after it changed on disk.
    case reloadArchive
    /// Open the search line (or go back to it).
    case search
    /// In the search line: the result above or below; Enter opens the selected one.
    case previousResult, nextResult, previousResultPage, nextResultPage, openResult, closeSearch
    /// Search inside the open article; take the text; next and previous match; end the search.
    case findInArticle, acceptFind, nextMatch, previousMatch, endFind
    case toggleHelp
    /// The next theme, from the next frame on.
    case cycleTheme
    /// Repaint the whole screen (Ctrl-L), after something else wrote over it.
    case redraw
    /// The article's link: open it in a browser, or copy it to the terminal's clipboard.
    case openLink, copyLink
    /// Mouse: select what is under the pointer (a second click opens it), or scroll the pane under it.
    case pointerSelect, pointerScrollUp, pointerScrollDown
    /// The reader's own data: bookmark (star) the article, mark it read or unread, edit its labels.
    case toggleBookmark, toggleRead, editLabels
    /// In a bookmark list: remove the selected bookmark, and put the last one removed back.
    case removeBookmark, undoRemoval
    /// Notes: add one (on the paragraph under the cursor, or the words selected), edit or delete the
    /// one at the cursor, edit it in $VISUAL/$EDITOR, show or hide note boxes.
    case addNote, editNote, editNoteExternally, deleteNote, toggleNotes
    /// The paragraph cursor of the article pane.
    case previousParagraph, nextParagraph
    /// Selecting words of the paragraph to quote: start (or start again here), move the end, stop.
    case selectWords, selectionForward, selectionBackward, selectionToStart, selectionToEnd, cancelSelection
    /// The note editor: save and close, or discard (asking first when the text changed).
    case saveNote, discardNote
    /// A yes-or-no question in the status bar.
    case confirm, cancel
}

/// Which bindings apply: the focused pane, the help screen over everything, or the archive still opening
/// (when every other key is kept and replayed once it is open).
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, menu, list, article
    /// Words of a paragraph being selected to quote in a note.
    case selecting
    /// The note editor, over everything; keys not bound here are text.
    case editor
    /// A one-line prompt (a bookmark's labels) in the status bar; keys not bound here are text.
    case prompt
    /// A yes-or-no question in the status bar.
    case confirm
    /// The search line in the status bar; keys not bound here are text.
    case search
    /// The line of a search inside the article; keys not bound here are text.
    case finding
    /// An article with a search inside it: n/N move between matches, every other article key works.
    case found
    case help, opening
}

extension KeyContext {
    /// A context that adds to another's keys: an article with a search in it is still an article.
    public var extends: KeyContext? { self == .found ? .article : nil }

    /// Global keys (quit, focus, help) apply in the panes; where keys are text or answer a question,
    /// only the context's own do.
    public var takesGlobalKeys: Bool {
        switch self {
        case .menu, .list, .article, .selecting, .found: true
        case .global, .editor, .prompt, .confirm, .search, .finding, .help, .opening: false
        }
    }
}
