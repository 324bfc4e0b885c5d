/// The words of bookmarks, notes and reading marks, in both interface languages.
extension Strings {
    // MARK: Menu and lists

    public var continueReading: String { pick("Continue reading", "Продолжить чтение") }
    public var bookmarksTitle: String { pick("Bookmarks", "Закладки") }
    public var notesTitle: String { pick("Notes", "Заметки") }
    public func labelTitle(_ label: String) -> String { pick("Bookmarks › \(label)", "Закладки › \(label)") }
    public var missingFromArchive: String { pick("missing from archive", "нет в архиве") }
    public var noBookmarksYet: String {
        pick("No bookmarks yet: s on an article bookmarks it.", "Закладок пока нет: s на статье добавляет её.")
    }
    public var noNotesYet: String { pick("No notes yet: a on an article adds one.", "Заметок пока нет: a на статье добавляет её.") }
    public var nothingReadYet: String { pick("Nothing opened yet.", "Пока ничего не открыто.") }

    // MARK: Notices

    public var bookmarked: String { pick("Bookmarked", "Добавлено в закладки") }
    public var bookmarkRemoved: String { pick("Bookmark removed (u puts it back)", "Закладка убрана (u вернёт её)") }
    public var notBookmarked: String { pick("This article is not bookmarked", "Этой статьи нет в закладках") }
    public var nothingToUndo: String { pick("No removal to undo", "Нечего возвращать") }
    public var bookmarkRestored: String { pick("Bookmark restored", "Закладка возвращена") }
    public var markedRead: String { pick("Marked read", "Отмечено прочитанным") }
    public var markedUnread: String { pick("Marked unread", "Отмечено непрочитанным") }
    public var labelsSaved: String { pick("Labels saved", "Метки сохранены") }
    public var noteSaved: String { pick("Note saved", "Заметка сохранена") }
    public var noteDeleted: String { pick("Note deleted", "Заметка удалена") }
    public var noteUnchanged: String { pick("Note unchanged", "Заметка не изменилась") }
    public var emptyNoteNotSaved: String { pick("An empty note is not saved", "Пустая заметка не сохраняется") }
    public var noNoteHere: String {
        pick("No note here: [ and ] move the paragraph cursor", "Здесь нет заметки: [ и ] двигают курсор абзаца")
    }
    public var noParagraphs: String { pick("This article has no paragraphs", "В этой статье нет абзацев") }
    public func notInArchive(_ title: String) -> String {
        pick("No longer in the archive (bookmark and notes kept): \(title)", "Больше нет в архиве (закладка и заметки сохранены): \(title)")
    }
    public func readOnlyStore(_ problem: StoreProblem) -> String {
        let reason = storeProblem(problem)
        return pick("Read-only, changes are not saved: \(reason)", "Только чтение, изменения не сохраняются: \(reason)")
    }
    public func notSaved(_ problem: StoreProblem) -> String {
        let reason = storeProblem(problem)
        return pick("Not saved: \(reason)", "Не сохранено: \(reason)")
    }
    public func unsavedChanges(_ n: Int) -> String {
        pick("\(n) unsaved", "\(n) не сохранено")
    }

    // MARK: Questions and prompts

    public var deleteNoteQuestion: String { pick("Delete this note?", "Удалить эту заметку?") }
    public var discardNoteQuestion: String { pick("Discard the changes to this note?", "Отменить изменения заметки?") }
    public var labelsPrompt: String { pick("Labels (comma-separated): ", "Метки (через запятую): ") }
    public var labelsPromptShort: String { pick("Labels: ", "Метки: ") }

    // MARK: The article pane and the editor

    public var noteOnArticle: String { pick("on the article", "к статье") }
    public var notesOfMissingArticle: String {
        pick("Your notes: this article is no longer in the archive", "Ваши заметки: этой статьи больше нет в архиве")
    }
    public func paragraphStarting(_ opening: String) -> String {
        pick("on the paragraph “\(opening)”", "к абзацу «\(opening)»")
    }
    public var detachedNotes: String {
        pick("Detached notes: their quote is no longer in the text", "Отделённые заметки: их цитаты больше нет в тексте")
    }
    /// Quoted words, with the language's own quotation marks.
    public func quoted(_ text: String) -> String { pick("“\(text)”", "«\(text)»") }
    public var noteTooLongForEditor: String {
        pick("This note is too long for the built-in editor: E edits it in $VISUAL or $EDITOR",
             "Заметка слишком длинная для встроенного редактора: E откроет её в $VISUAL или $EDITOR")
    }
    public var notesShown: String { pick("Notes shown", "Заметки показаны") }
    public var notesHidden: String { pick("Notes hidden (A shows them)", "Заметки скрыты (A покажет их)") }
    public var newNote: String { pick("New note", "Новая заметка") }
    public var editNote: String { pick("Edit note", "Правка заметки") }
    public func paragraphNumber(_ n: Int) -> String { pick("paragraph \(n)", "абзац \(n)") }
    public var wholeArticle: String { pick("the whole article", "вся статья") }
    public func noteCount(_ n: Int) -> String {
        language == .russian
            ? "\(n) \(Plural.russian(n, one: "заметка", few: "заметки", many: "заметок"))"
            : "\(n) \(Plural.english(n, one: "note", other: "notes"))"
    }

    // MARK: The external editor

    public var noExternalEditor: String {
        pick("Set $VISUAL or $EDITOR to edit notes in your own editor", "Задайте $VISUAL или $EDITOR, чтобы править заметки в своём редакторе")
    }
    public func externalEditorFailed(_ reason: String) -> String {
        pick("External editor: \(reason)", "Внешний редактор: \(reason)")
    }
    public func noteCut(characters: Int) -> String {
        pick("[\(characters) more characters: E opens the whole note]", "[ещё символов: \(characters); E откроет всю заметку]")
    }

    // MARK: Exit

    public func unsavedAtExit(_ n: Int, path: String, problem: StoreProblem?) -> String {
        let reason = problem.map(storeProblem) ?? pick("the write failed", "запись не удалась")
        return pick("\(n) change(s) could not be saved to \(path) (\(reason)); the text of unsaved notes follows",
             "Не удалось сохранить изменений: \(n) в \(path) (\(reason)); текст несохранённых заметок ниже")
    }

    // MARK: Commands

    public var aboutNotes: String { pick("Export notes and bookmarks, or import them.", "Экспорт и импорт заметок и закладок.") }
    public var aboutNotesExport: String {
        pick("Print notes (and the bookmarks they belong with) as Markdown or lossless JSON.",
             "Вывести заметки (и закладки) в Markdown или в JSON без потерь.")
    }
    public var aboutNotesImport: String {
        pick("Merge notes and bookmarks from a JSON export, without duplicates.",
             "Добавить заметки и закладки из JSON-экспорта, без повторов.")
    }
    public var aboutBookmarks: String { pick("List bookmarks, newest first.", "Список закладок, новые первыми.") }
    public var helpExportFormat: String { pick("markdown or json.", "markdown или json.") }
    public var helpLabel: String { pick("Only bookmarks with this label.", "Только закладки с этой меткой.") }
    public var helpImportFile: String { pick("A file written by 'steppe notes export --format json'.", "Файл, записанный 'steppe notes export --format json'.") }
    public func cannotReadExport(_ file: String) -> String {
        pick("\(file): cannot be read (or is larger than 256 MB)", "\(file): не читается (или больше 256 МБ)")
    }
    public func notAnExport(_ file: String, _ error: UserExport.DecodeError) -> String {
        switch error {
        case .notAnExport:
            return pick("\(file): not a steppe notes export (no \"format\": \"steppe-notes\")",
                        "\(file): это не экспорт заметок steppe (нет \"format\": \"steppe-notes\")")
        case .newerVersion(let v):
            return pick("\(file): made by a newer steppe (version \(v))", "\(file): сделан более новой версией steppe (версия \(v))")
        case .invalid(let reason):
            return "\(file): \(reason)"
        }
    }
    public func storeReadOnly(_ path: String, _ problem: StoreProblem) -> String {
        let reason = storeProblem(problem)
        return pick("\(path) cannot be written: \(reason)", "\(path) нельзя записать: \(reason)")
    }
    /// A store that cannot be read, for a command's error.
    public func storeUnreadable(_ path: String, _ problem: StoreProblem) -> String { "\(path): " + storeProblem(problem) }
    public func importSummary(bookmarks: Int, notes: Int, unchanged: Int) -> String {
        language == .russian
            ? "Импортировано: закладок \(bookmarks), заметок \(notes); уже были: \(unchanged)"
            : "Imported \(bookmarks) \(Plural.english(bookmarks, one: "bookmark", other: "bookmarks")) and "
                + "\(noteCount(notes)); \(unchanged) already present"
    }
    public func storePartlyRead(_ path: String) -> String {
        pick("\(path) is damaged: what could be read follows", "\(path) повреждён: ниже то, что удалось прочитать")
    }
    public func noSuchLabel(_ label: String) -> String {
        pick("No bookmark has the label '\(label)'", "Ни у одной закладки нет метки '\(label)'")
    }
}
