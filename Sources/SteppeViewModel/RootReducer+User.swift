import SteppeCore

/// The root reducer's part for the reader's own data: bookmarks, labels, notes and reading marks.
extension AppState {
    // MARK: Changes

    /// Applies a change at once and sends it to the store. A read-only store keeps it in memory
    /// (and the status bar says it is not saved).
    mutating func record(_ change: UserChange) -> [Effect] {
        let id = change.articleID
        let wasRead = user.data.isRead(id)
        user.apply(change)
        let isRead = user.data.isRead(id)
        if wasRead != isRead { adjustReadCounts(id, by: isRead ? 1 : -1) }
        if case .readOnly(let reason) = user.status {
            user.fail(change, reason)
            notice = strings.readOnlyStore(reason)
            return []
        }
        return [.saveUserChange(change)] + refreshSearchOnOwnLists()
    }

    /// Results filtered on bookmarks, notes or reading marks are asked again when those change.
    func refreshSearchOnOwnLists() -> [Effect] {
        guard let search, !search.answered.isEmpty else { return [] }
        let lowered = search.answered.lowercased()
        guard lowered.contains("is:") || lowered.contains("has:") else { return [] }
        return [.search(searchRequest(search.answered))]
    }

    /// After the data changed under the screen: the counts, the open article's notes, the lists.
    mutating func userDataChanged() {
        recountRead()
        placeNotes()
        relayout()
    }

    /// Counts read articles per taxonomy node, from scratch: once per archive or snapshot.
    mutating func recountRead() {
        guard let catalogue else { return }
        var counts = Array(repeating: 0, count: catalogue.taxonomy.count)
        for (id, mark) in user.data.marks where mark.isRead {
            for node in nodes(containing: id, catalogue) { counts[node] += 1 }
        }
        readCounts = counts
    }

    private mutating func adjustReadCounts(_ id: String, by step: Int) {
        guard let catalogue, readCounts.count == catalogue.taxonomy.count else { return }
        for node in nodes(containing: id, catalogue) { readCounts[node] += step }
    }

    /// Every node whose list holds the article: its own nodes, their ancestors and "All articles".
    private func nodes(containing id: String, _ catalogue: Catalogue) -> [Int] {
        guard let header = catalogue.header(id: id) else { return [] }
        let taxonomy = catalogue.taxonomy
        var result = [taxonomy.allArticles]
        for node in header.nodes where Int(node) < taxonomy.count {
            var current: Int? = Int(node)
            while let n = current, !result.contains(n) {
                result.append(n)
                current = taxonomy[n].parent
            }
        }
        return result
    }

    /// Places the open article's notes in its text again (after it loaded, or its notes changed).
    mutating func placeNotes() {
        guard var reader, case .loaded = reader.content else { return }
        let notes = ArticleLayout.Notes(user.data.notes(on: reader.articleID), blocks: reader.blocks, showsBoxes: user.showsNotes)
        guard notes != reader.notes else { return }
        reader.notes = notes
        // A cursor on a box that is gone (deleted, or hidden) goes back to the paragraph.
        if let id = reader.cursorNote, !notes.showsBoxes || !notes.all.contains(where: { $0.id == id }) {
            reader.cursorNote = nil
            if let block = reader.cursor, !reader.blocks.indices.contains(block) { reader.cursor = nil }
        }
        self.reader = reader
    }

    // MARK: Commands

    /// The commands on the reader's own data; nil for any other command.
    mutating func performUserCommand(_ command: Command) -> [Effect]? {
        switch command {
        case .toggleBookmark:
            guard let id = articleInFocus, let article = reference(for: id) else { return [] }
            if let bookmark = user.data.bookmarks[id] {
                user.remember(UserState.Removal(bookmark: bookmark, article: article))
                notice = strings.bookmarkRemoved
                return record(.removeBookmark(articleID: id))
            }
            notice = strings.bookmarked
            return record(.setBookmark(Bookmark(articleID: id), article))
        case .removeBookmark:
            guard let id = articleInFocus else { return [] }
            guard let bookmark = user.data.bookmarks[id], let article = reference(for: id) else {
                notice = strings.notBookmarked
                return []
            }
            user.remember(UserState.Removal(bookmark: bookmark, article: article))
            notice = strings.bookmarkRemoved
            return record(.removeBookmark(articleID: id))
        case .undoRemoval:
            guard let removal = user.removals.popLast() else {
                notice = strings.nothingToUndo
                return []
            }
            notice = strings.bookmarkRestored
            return record(.setBookmark(removal.bookmark, removal.article))
        case .toggleRead:
            guard let id = articleInFocus else { return [] }
            let isRead = !user.data.isRead(id)
            notice = isRead ? strings.markedRead : strings.markedUnread
            return record(.setRead(articleID: id, isRead))
        case .editLabels:
            guard let id = articleInFocus, let article = reference(for: id) else { return [] }
            let labels = user.data.bookmarks[id]?.labels ?? []
            prompt = LabelPrompt(article: article, field: TextField(labels.joined(separator: ", ")))
            return []
        case .toggleNotes:
            user.showsNotes.toggle()
            notice = user.showsNotes ? strings.notesShown : strings.notesHidden
            placeNotes()
            relayout()
            return []
        case .nextParagraph, .previousParagraph:
            guard var reader, case .loaded = reader.content else { return [] }
            reader.moveCursor(by: command == .nextParagraph ? 1 : -1, visible: visibleRows(.article))
            // Nowhere to stop: no paragraph, and no note's box.
            if reader.cursor == nil && reader.cursorNote == nil { notice = strings.noParagraphs }
            self.reader = reader
            return []
        case .selectWords:
            guard var reader, case .loaded = reader.content else { return [] }
            // The words of the paragraph the cursor is on (or whose note it is on), else of the next one.
            reader.moveCursorToParagraph(visible: visibleRows(.article))
            guard let block = reader.cursor, reader.blocks.indices.contains(block),
                !Words.ranges(in: reader.blocks[block]).isEmpty
            else {
                notice = strings.noParagraphs
                self.reader = reader
                return []
            }
            // Again while selecting: the selection starts afresh at the word it had reached.
            let start = reader.selection?.end ?? 0
            reader.selection = ReaderState.Selection(block: block, start: start, end: start)
            self.reader = reader
            return []
        case .selectionForward, .selectionBackward, .selectionToStart, .selectionToEnd:
            guard var reader, var selection = reader.selection else { return [] }
            let count = Words.ranges(in: reader.blocks[selection.block]).count
            switch command {
            case .selectionForward: selection.end = min(count - 1, selection.end + 1)
            case .selectionBackward: selection.end = max(0, selection.end - 1)
            case .selectionToStart: selection.end = 0
            default: selection.end = count - 1
            }
            reader.selection = selection
            self.reader = reader
            return []
        case .cancelSelection:
            reader?.selection = nil
            return []
        case .addNote:
            return startNote()
        case .editNote, .editNoteExternally:
            guard let note = noteAtCursor() else {
                // E where there is no note yet writes a new one, like a, in the reader's own editor.
                if command == .editNoteExternally { return startNote(externally: true) }
                notice = strings.noNoteHere
                return []
            }
            guard let article = reference(for: note.articleID) else { return [] }
            if command == .editNote && note.text.count > TextEditor.maximumLength {
                notice = strings.noteTooLongForEditor
                return []
            }
            draft = NoteDraft(note: note, article: article, place: place(of: note.anchor), isNew: false)
            layoutEditor()
            return command == .editNoteExternally ? [.editExternally(note.text)] : []
        case .deleteNote:
            guard let note = noteAtCursor() else {
                notice = strings.noNoteHere
                return []
            }
            confirmation = Confirmation(
                question: strings.deleteNoteQuestion, action: .deleteNote(id: note.id, articleID: note.articleID))
            return []
        default:
            return nil
        }
    }

    /// The note whose box the cursor is on, else the first note of the paragraph it is on; without a
    /// cursor, the first note on the whole article.
    private func noteAtCursor() -> Note? {
        guard focus == .article, let reader else { return nil }
        if let id = reader.cursorNote { return reader.notes.all.first { $0.id == id } }
        if let cursor = reader.cursor, cursor >= 0 { return reader.notes.onBlocks[cursor]?.first?.note }
        return reader.notes.onArticle.first
    }

    /// Opens the editor on a new note: on the words selected, the paragraph at the cursor, or the article.
    private mutating func startNote(externally: Bool = false) -> [Effect] {
        guard let id = articleInFocus, let article = reference(for: id) else { return [] }
        var anchor: NoteAnchor?
        if focus == .article, let reader {
            if let selection = reader.selection, let range = reader.selectedRange {
                anchor = NoteAnchor(blocks: reader.blocks, block: selection.block, range: range)
            } else if let cursor = reader.cursor, reader.blocks.indices.contains(cursor) {
                // On a paragraph, or on a note's box under one: a note on that paragraph. On a note of
                // the whole article (or a detached one): a note on the article.
                anchor = NoteAnchor(blocks: reader.blocks, block: cursor, range: nil)
            }
            self.reader?.selection = nil
        }
        idCounter += 1
        let noteID = String(idSeed, radix: 16) + "-" + String(idCounter, radix: 16)
        let note = Note(id: noteID, articleID: id, text: "", anchor: anchor)
        draft = NoteDraft(note: note, article: article, place: place(of: anchor), isNew: true)
        layoutEditor()
        return externally ? [.editExternally("")] : []
    }

    /// What a note is on, for the editor's title.
    private func place(of anchor: NoteAnchor?) -> String {
        guard let anchor else { return strings.wholeArticle }
        let paragraph = strings.paragraphNumber(anchor.block + 1)
        return anchor.quote.isEmpty ? paragraph : paragraph + ": " + strings.quoted(anchor.quote)
    }

    // MARK: The editor

    /// Keys the editor or the prompt takes as text; nil when the key is the key map's.
    mutating func typeIntoField(_ key: KeyPress) -> [Effect]? {
        let context = keyContext
        guard context == .editor || context == .prompt, keyMap.command(for: key, in: context) == nil else { return nil }
        // Nothing but the notice is on screen: no text is typed unseen.
        guard layout.mode != .tooSmall else { return [] }
        if draft != nil {
            _ = draft?.editor.reduce(key)
            layoutEditor()
        } else if var prompt {
            switch prompt.field.reduce(key) {
            case .submitted: return finishPrompt(.confirm)
            case .cancelled: return finishPrompt(.cancel)
            default: self.prompt = prompt
            }
        }
        return []
    }

    mutating func editorDid(_ command: Command) -> [Effect] {
        switch command {
        case .saveNote:
            return saveDraft()
        case .discardNote:
            guard let draft else { return [] }
            if draft.isChanged {
                confirmation = Confirmation(question: strings.discardNoteQuestion, action: .discardDraft)
            } else {
                self.draft = nil
            }
            return []
        default:
            return []
        }
    }

    /// Closes the editor, saving its text when it changed. An empty new note is not kept; emptying
    /// an existing note asks to delete it instead, so a slip of Ctrl-U never loses one.
    mutating func saveDraft() -> [Effect] {
        guard let draft else { return [] }
        let text = draft.editor.text.trimmingTrailingNewlines
        guard draft.isNew || text != draft.original else {
            self.draft = nil
            notice = strings.noteUnchanged
            return []
        }
        if text.allSatisfy(\.isWhitespace) {
            if draft.isNew {
                self.draft = nil
                notice = strings.emptyNoteNotSaved
            } else {
                confirmation = Confirmation(
                    question: strings.deleteNoteQuestion, action: .deleteNote(id: draft.note.id, articleID: draft.note.articleID))
            }
            return []
        }
        var note = draft.note
        note.text = text
        note.updatedAt = nil
        self.draft = nil
        let effects = record(.saveNote(note, draft.article))
        placeNotes()
        relayout()
        // The cursor goes to the note's box, which scrolls into view.
        if reader?.articleID == note.articleID, reader?.notes.showsBoxes == true,
            reader?.layout?.lines.contains(where: { $0.noteID == note.id }) == true
        {
            reader?.cursor = note.anchor?.block ?? -1
            reader?.cursorNote = note.id
            reader?.selection = nil
            let rows = visibleRows(.article)
            reader?.reveal(visible: rows)
        }
        return effects
    }

    mutating func finishExternalEdit(_ text: String?) -> [Effect] {
        guard draft != nil else { return [] }
        if let text {
            draft?.editor = TextEditor(text)
            return saveDraft()
        }
        // Unchanged: back to the built-in editor, where the note can still be written.
        layoutEditor()
        return []
    }

    /// Keeps the editor's wrapping and scroll in step with the screen.
    mutating func layoutEditor() {
        guard draft != nil else { return }
        let text = EditorLayout(size: size).text
        draft?.editor.layout(width: text.width, visible: text.height)
    }

    // MARK: Questions and prompts

    mutating func answer(_ command: Command) -> [Effect] {
        guard let confirmation else { return [] }
        switch command {
        case .confirm:
            self.confirmation = nil
            switch confirmation.action {
            case .deleteNote(let id, let articleID):
                if draft?.note.id == id { draft = nil }
                notice = strings.noteDeleted
                let effects = record(.deleteNote(id: id, articleID: articleID))
                placeNotes()
                relayout()
                return effects
            case .discardDraft:
                draft = nil
                return []
            }
        case .cancel:
            self.confirmation = nil
            return []
        default:
            return []
        }
    }

    mutating func finishPrompt(_ command: Command) -> [Effect] {
        guard let prompt else { return [] }
        switch command {
        case .confirm:
            self.prompt = nil
            let id = prompt.article.id
            var bookmark = user.data.bookmarks[id] ?? Bookmark(articleID: id)
            bookmark.labels = Bookmark.parse(labels: prompt.field.text)
            notice = strings.labelsSaved
            return record(.setBookmark(bookmark, prompt.article))
        case .cancel:
            self.prompt = nil
            return []
        default:
            return []
        }
    }
}

extension UserChange {
    /// The article a change is about.
    public var articleID: String {
        switch self {
        case .setBookmark(let bookmark, _): bookmark.articleID
        case .removeBookmark(let id), .setRead(let id, _), .setPosition(let id, _): id
        case .saveNote(let note, _): note.articleID
        case .deleteNote(_, let id): id
        case .opened(let id, _, _): id
        }
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
