import SteppeCore

/// The part of the strings table that names contexts and describes commands, for the help screen and hints.
extension Strings {
    public func title(_ context: KeyContext) -> String {
        let russian = language == .russian
        switch context {
        case .global: return russian ? "Везде" : "Everywhere"
        case .menu: return russian ? "Меню" : "Menu"
        case .list: return russian ? "Список статей" : "Article list"
        case .article: return russian ? "Статья" : "Article"
        case .help: return russian ? "Справка" : "Help"
        case .selecting: return russian ? "Выделение слов для цитаты" : "Selecting words to quote"
        case .editor: return russian ? "Редактор заметки" : "Note editor"
        case .prompt: return russian ? "Строка ввода" : "Prompt"
        case .search: return russian ? "Строка поиска" : "Search line"
        case .finding: return russian ? "Поиск в статье" : "Searching the article"
        case .found: return russian ? "Статья с поиском в ней (клавиши совпадений вместо статей)" : "An article with a search in it (match keys before article keys)"
        case .confirm: return russian ? "Вопрос «да или нет»" : "Yes-or-no question"
        case .opening: return russian ? "Пока архив открывается" : "While the archive opens"
        }
    }

    /// One line of the help screen.
    public func help(_ command: Command, in context: KeyContext) -> String {
        let ru = language == .russian
        switch (command, context) {
        case (.quit, .menu): return ru ? "Выйти (меню — верхний уровень)" : "Quit (the menu is the top level)"
        case (.quit, _): return ru ? "Выйти из Steppe" : "Quit Steppe"
        case (.focusNext, _): return ru ? "Следующая панель" : "Focus the next pane"
        case (.focusPrevious, _): return ru ? "Предыдущая панель" : "Focus the previous pane"
        case (.toggleHelp, .help): return ru ? "Закрыть справку" : "Close the help"
        case (.toggleHelp, _): return ru ? "Показать или скрыть эту справку" : "Show or hide this help"
        case (.redraw, _): return ru ? "Перерисовать экран" : "Redraw the screen"
        case (.cycleTheme, _): return ru ? "Следующая тема оформления" : "Next colour theme"
        case (.reloadArchive, _):
            return ru ? "Перечитать архив после импорта" : "Reload the archive after an import"
        case (.search, _):
            return ru ? "Поиск по архиву (слова, \"фраза\", фильтры)" : "Search the archive (words, \"phrase\", filters)"
        case (.openResult, _): return ru ? "Открыть выбранный результат" : "Open the selected result"
        case (.findInArticle, _): return ru ? "Искать в статье" : "Search this article"
        case (.acceptFind, _): return ru ? "К первому совпадению" : "Go to the first match"
        case (.nextMatch, _): return ru ? "Следующее совпадение" : "Next match"
        case (.previousMatch, _): return ru ? "Предыдущее совпадение" : "Previous match"
        case (.endFind, _): return ru ? "Закончить поиск (клавиши снова листают статьи)" : "End the search (the keys go back to articles)"
        case (.previousResult, _): return ru ? "Предыдущий результат" : "Previous result"
        case (.nextResult, _): return ru ? "Следующий результат" : "Next result"
        case (.previousResultPage, _): return ru ? "Результаты: страница вверх" : "Results: a page up"
        case (.nextResultPage, _): return ru ? "Результаты: страница вниз" : "Results: a page down"
        case (.closeSearch, _): return ru ? "Закрыть поиск, вернуться к списку" : "Close the search, back to the list"
        case (.openLink, _): return ru ? "Открыть ссылку в браузере" : "Open the link in a browser"
        case (.copyLink, _): return ru ? "Скопировать ссылку (OSC 52)" : "Copy the link (OSC 52)"
        case (.pointerSelect, _):
            return ru ? "Выбрать (второй щелчок открывает)" : "Select (a second click opens)"
        case (.pointerScrollUp, _):
            return ru ? "Прокрутить вверх панель под указателем" : "Scroll up the pane under the pointer"
        case (.pointerScrollDown, _):
            return ru ? "Прокрутить вниз панель под указателем" : "Scroll down the pane under the pointer"
        case (.moveUp, .menu): return ru ? "Предыдущий пункт" : "Previous menu entry"
        case (.moveDown, .menu): return ru ? "Следующий пункт" : "Next menu entry"
        case (.moveUp, .list): return ru ? "Предыдущая статья" : "Previous article"
        case (.moveDown, .list): return ru ? "Следующая статья" : "Next article"
        case (.moveDown, .article): return ru ? "Прокрутить на строку вниз" : "Scroll down a line"
        case (.moveUp, .article): return ru ? "Прокрутить на строку вверх" : "Scroll up a line"
        case (.moveDown, _): return ru ? "Прокрутить вниз" : "Scroll down"
        case (.moveUp, _): return ru ? "Прокрутить вверх" : "Scroll up"
        case (.expandOrEnter, _):
            return ru ? "Раскрыть группу или перейти к списку статей" : "Expand a group, or go to the article list"
        case (.collapseOrLeave, .menu):
            return ru ? "Свернуть группу или перейти к родителю" : "Collapse a group, or go to its parent"
        case (.collapseOrLeave, _), (.back, .list): return ru ? "Назад в меню" : "Back to the menu"
        case (.open, .menu): return ru ? "Показать статьи пункта" : "Show the entry's articles"
        case (.open, _): return ru ? "Открыть статью" : "Open the article"
        case (.pageDown, _): return ru ? "Страница вниз" : "Page down"
        case (.pageUp, _): return ru ? "Страница вверх" : "Page up"
        case (.top, .menu): return ru ? "Первый пункт" : "First entry"
        case (.bottom, .menu): return ru ? "Последний пункт" : "Last entry"
        case (.top, .list): return ru ? "Самая новая статья" : "Newest article"
        case (.bottom, .list): return ru ? "Самая старая статья" : "Oldest article"
        case (.top, _): return ru ? "В начало" : "Go to the top"
        case (.bottom, _): return ru ? "В конец" : "Go to the end"
        case (.nextArticle, _): return ru ? "Следующая статья списка" : "Open the next article of the list"
        case (.previousArticle, _): return ru ? "Предыдущая статья списка" : "Open the previous article of the list"
        case (.back, _): return ru ? "Закрыть статью" : "Close the article"
        case (.toggleBookmark, _): return ru ? "Добавить в закладки или убрать" : "Bookmark the article, or unbookmark it"
        case (.toggleRead, _): return ru ? "Отметить прочитанной или непрочитанной" : "Mark the article read or unread"
        case (.editLabels, _): return ru ? "Метки закладки" : "Edit the bookmark's labels"
        case (.removeBookmark, _): return ru ? "Убрать закладку" : "Remove the bookmark"
        case (.undoRemoval, _): return ru ? "Вернуть последнюю убранную закладку" : "Undo the last removal"
        case (.addNote, .selecting): return ru ? "Заметка к выделенным словам" : "Note on the selected words"
        case (.addNote, .list): return ru ? "Заметка к статье" : "Add a note on the article"
        case (.addNote, _):
            return ru ? "Заметка к абзацу у курсора (или к статье)" : "Note on the cursor's paragraph, or the article"
        case (.editNote, _): return ru ? "Изменить заметку у курсора" : "Edit the note at the cursor"
        case (.editNoteExternally, _):
            return ru ? "Изменить заметку в $VISUAL или $EDITOR" : "Edit the note at the cursor in $VISUAL or $EDITOR"
        case (.deleteNote, _): return ru ? "Удалить заметку у курсора" : "Delete the note at the cursor"
        case (.toggleNotes, _): return ru ? "Показать или скрыть заметки" : "Show or hide notes"
        case (.nextParagraph, _): return ru ? "Курсор на следующий абзац или заметку" : "Cursor to the next paragraph or note"
        case (.previousParagraph, _): return ru ? "Курсор на предыдущий абзац или заметку" : "Cursor to the previous paragraph or note"
        case (.selectWords, .selecting): return ru ? "Начать выделение с этого слова" : "Start the selection again here"
        case (.selectWords, _): return ru ? "Выделить слова абзаца для цитаты" : "Select words of the paragraph to quote"
        case (.selectionForward, _): return ru ? "Следующее слово" : "Move the selection's end a word on"
        case (.selectionBackward, _): return ru ? "Предыдущее слово" : "Move the selection's end a word back"
        case (.selectionToStart, _): return ru ? "К началу абзаца" : "Move the selection's end to the paragraph's start"
        case (.selectionToEnd, _): return ru ? "К концу абзаца" : "Move the selection's end to the paragraph's end"
        case (.cancelSelection, _): return ru ? "Отменить выделение" : "Stop selecting"
        case (.saveNote, _): return ru ? "Сохранить и закрыть" : "Save the note and close"
        case (.discardNote, _): return ru ? "Отменить правку (спросит, если текст изменён)" : "Discard (asks first when the text changed)"
        case (.confirm, .prompt): return ru ? "Применить" : "Accept"
        case (.confirm, _): return ru ? "Да" : "Yes"
        case (.cancel, .prompt): return ru ? "Отменить" : "Cancel"
        case (.cancel, _): return ru ? "Нет" : "No"
        }
    }

    /// The short label of a status-bar hint.
    public func hint(_ command: Command, in context: KeyContext) -> String {
        let ru = language == .russian
        switch command {
        case .focusNext: return ru ? "панель" : "pane"
        case .toggleHelp: return context == .help ? (ru ? "закрыть" : "close") : (ru ? "справка" : "help")
        case .expandOrEnter: return ru ? "раскрыть" : "expand"
        case .collapseOrLeave: return context == .menu ? (ru ? "свернуть" : "collapse") : (ru ? "меню" : "menu")
        case .open: return context == .menu ? (ru ? "статьи" : "articles") : (ru ? "открыть" : "open")
        case .quit: return ru ? "выход" : "quit"
        case .reloadArchive: return ru ? "перечитать" : "reload"
        case .search: return ru ? "поиск" : "search"
        case .openResult: return ru ? "открыть" : "open"
        case .closeSearch: return ru ? "закрыть" : "close"
        case .acceptFind: return ru ? "найти" : "find"
        case .nextMatch: return ru ? "след." : "next"
        case .previousMatch: return ru ? "пред." : "prev"
        case .endFind: return ru ? "конец поиска" : "end search"
        case .previousResult, .nextResult: return ru ? "результат" : "result"
        case .back: return ru ? "назад" : "back"
        case .pageDown: return ru ? "листать" : "page"
        case .nextArticle: return ru ? "след." : "next"
        case .previousArticle: return ru ? "пред." : "prev"
        case .openLink: return ru ? "ссылка" : "link"
        case .copyLink: return ru ? "копировать" : "copy"
        case .toggleBookmark: return ru ? "закладка" : "star"
        case .addNote: return ru ? "заметка" : "note"
        case .nextParagraph: return ru ? "абзац" : "paragraph"
        case .selectionForward: return ru ? "слово" : "word"
        case .cancelSelection: return ru ? "отмена" : "cancel"
        case .saveNote: return ru ? "сохранить" : "save"
        case .discardNote: return ru ? "отменить" : "discard"
        case .confirm: return context == .prompt ? (ru ? "применить" : "accept") : (ru ? "да" : "yes")
        case .cancel: return context == .prompt ? (ru ? "отмена" : "cancel") : (ru ? "нет" : "no")
        default: return help(command, in: context)
        }
    }
}
