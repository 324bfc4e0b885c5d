import SteppeCore

/// A note being written or edited in the editor, with what it is attached to.
public struct NoteDraft: Sendable, Equatable {
    public var note: Note
    public var article: ArticleRef
    public var editor: TextEditor
    /// The text when the editor opened: closing without a change writes nothing.
    public var original: String
    /// What the note is on, for the editor's title: "paragraph 3", "the whole article".
    public var place: String
    public var isNew: Bool

    public init(note: Note, article: ArticleRef, place: String, isNew: Bool) {
        self.note = note
        self.article = article
        editor = TextEditor(note.text)
        original = note.text
        self.place = place
        self.isNew = isNew
    }

    public var isChanged: Bool { editor.text != original }
}

/// A yes-or-no question, and what a yes does.
public struct Confirmation: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case deleteNote(id: String, articleID: String)
        case discardDraft
    }

    public var question: String
    public var action: Action

    public init(question: String, action: Action) {
        self.question = question
        self.action = action
    }
}

/// The labels of a bookmark, being edited in the status bar.
public struct LabelPrompt: Sendable, Equatable {
    public var article: ArticleRef
    public var field: TextField

    public init(article: ArticleRef, field: TextField) {
        self.article = article
        self.field = field
    }
}

/// Where the note editor sits: a box in the middle of the screen, its text area inside.
public struct EditorLayout: Sendable, Equatable {
    public var box: Rect
    /// The rows above the text: the title and what the note is on.
    public static let headerRows = 2

    public init(size: Size) {
        let width = max(10, min(78, size.width - 4))
        let height = max(6, min(20, size.height - 4))
        box = Rect(x: max(0, (size.width - width) / 2), y: max(0, (size.height - 1 - height) / 2), width: width, height: height)
    }

    /// The text area: inside the border, under the header, with a column of margin on each side.
    public var text: Rect {
        Rect(x: box.x + 2, y: box.y + 1 + EditorLayout.headerRows, width: max(1, box.width - 4),
             height: max(1, box.height - 2 - EditorLayout.headerRows))
    }
}
