/// Every user-visible sentence of Steppe, in English and Russian, side by side.
///
/// Views, the key map's help, the status bar and the commands all take their words from here, so a
/// second language is one more column, not a hunt through the code. Names from the archive (titles,
/// taxonomy names) are the archive's own; `TaxonomyTable.Entry.name(in:)` picks the Russian ones.
public struct Strings: Sendable, Equatable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let english = Strings(.english)

    func pick(_ en: String, _ ru: String) -> String { language == .russian ? ru : en }

    // MARK: Counting

    public func articles(_ n: Int) -> String {
        language == .russian
            ? "\(n) \(Plural.russian(n, one: "статья", few: "статьи", many: "статей"))"
            : "\(n) \(Plural.english(n, one: "article", other: "articles"))"
    }

    public func problems(_ n: Int) -> String {
        language == .russian
            ? "\(n) \(Plural.russian(n, one: "проблема", few: "проблемы", many: "проблем"))"
            : "\(n) \(Plural.english(n, one: "problem", other: "problems"))"
    }

    public func skippedEntries(_ n: Int) -> String {
        language == .russian
            ? "\(n) \(Plural.russian(n, one: "запись пропущена", few: "записи пропущены", many: "записей пропущено")) — запустите steppe validate"
            : "\(n) \(Plural.english(n, one: "entry", other: "entries")) skipped — run steppe validate"
    }

    // MARK: Dates

    private static let monthsEnglish = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    /// Genitive, as a date needs: «5 мая 2011».
    private static let monthsRussian = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря",
    ]

    /// `5 May 2011`, `5 мая 2011`: the long form used in bylines.
    public func longDate(_ date: PublishedDate) -> String {
        let c = date.components
        let months = language == .russian ? Strings.monthsRussian : Strings.monthsEnglish
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    // MARK: The reader

    public var bundledSampleArchive: String { pick("bundled sample archive", "встроенный пример архива") }
    public func opening(_ label: String) -> String { pick("Opening \(label)", "Открывается \(label)") }
    public var readingArchive: String { pick("Reading the archive…", "Чтение архива…") }
    public func indexing(doneMB: Int, totalMB: Int) -> String {
        pick("Indexing articles: \(doneMB) of \(totalMB) MB (once per archive)",
             "Индексация статей: \(doneMB) из \(totalMB) МБ (один раз для архива)")
    }
    public func terminalTooSmall(width: Int, height: Int) -> String {
        pick("terminal too small (need \(width)×\(height))", "терминал слишком мал (нужно \(width)×\(height))")
    }
    public var noArticlesHere: String { pick("No articles filed here.", "Здесь нет статей.") }
    public var loadingArticle: String { pick("Loading…", "Загрузка…") }
    public var articleCannotBeShown: String { pick("This article cannot be shown:", "Эту статью нельзя показать:") }
    public var positionAll: String { pick("All", "Всё") }
    public var positionTop: String { pick("Top", "Начало") }
    public var positionEnd: String { pick("End", "Конец") }
    public var endOfArticle: String { pick("— end —", "— конец —") }
    public func byline(_ authors: [String]) -> String {
        let names = authors.joined(separator: ", ")
        return language == .russian ? (authors.count == 1 ? "Автор: " : "Авторы: ") + names : "By " + names
    }
    public var lastArticleOfList: String { pick("This is the last article of the list", "Это последняя статья списка") }
    public var firstArticleOfList: String { pick("This is the first article of the list", "Это первая статья списка") }
    public func openingLink(with program: String) -> String { pick("Opening the link with \(program)", "Ссылка открывается в \(program)") }
    public var linkCopied: String {
        pick("Link sent to the terminal's clipboard", "Ссылка отправлена в буфер обмена терминала")
    }
    public var noBrowser: String {
        pick("No browser to open the link: set $BROWSER, or install xdg-open", "Нечем открыть ссылку: задайте $BROWSER или установите xdg-open")
    }
    public func linkFailed(_ reason: String) -> String { pick("The link did not open: \(reason)", "Ссылка не открылась: \(reason)") }
    public var notAWebLink: String {
        pick("Only http and https links are opened; y copies this one", "Открываются только ссылки http и https; y скопирует эту")
    }
    public var noLink: String { pick("This article has no link", "У этой статьи нет ссылки") }
    /// A size for people: "840 KB", "2.2 MB".
    public func size(bytes: Int) -> String {
        let unitKB = pick("KB", "КБ"), unitMB = pick("MB", "МБ")
        if bytes < 1_000_000 { return "\(max(1, bytes / 1000)) \(unitKB)" }
        let tenths = (bytes + 50_000) / 100_000
        let separator = language == .russian ? "," : "."
        return "\(tenths / 10)\(separator)\(tenths % 10) \(unitMB)"
    }
    public func textCut(bytes: Int) -> String {
        pick("[\(size(bytes: bytes)) more text not shown here; steppe show prints the article whole]",
             "[ещё \(size(bytes: bytes)) текста здесь не показаны; steppe show выводит статью целиком]")
    }
    public var helpTitle: String { pick("Steppe — keys", "Steppe — клавиши") }
    public func helpPosition(first: Int, last: Int, total: Int) -> String {
        pick("\(first)–\(last) of \(total)", "\(first)–\(last) из \(total)")
    }
    /// `helpKey`: the key that shows the help, if one does.
    public func notBound(_ key: String, helpKey: String?) -> String {
        guard let helpKey else { return pick("\(key) does nothing here", "\(key) здесь ничего не делает") }
        return pick("\(key) does nothing here — \(helpKey) lists the keys", "\(key) здесь ничего не делает — \(helpKey) покажет клавиши")
    }

    public func languageName(_ code: String) -> String {
        let names: [String: (String, String)] = [
            "en": ("English", "английский"), "ru": ("Russian", "русский"), "zh": ("Chinese", "китайский"),
            "ka": ("Georgian", "грузинский"), "hy": ("Armenian", "армянский"), "az": ("Azerbaijani", "азербайджанский"),
            "kk": ("Kazakh", "казахский"), "ky": ("Kyrgyz", "киргизский"), "tg": ("Tajik", "таджикский"),
            "tk": ("Turkmen", "туркменский"), "uz": ("Uzbek", "узбекский"), "uk": ("Ukrainian", "украинский"),
            "be": ("Belarusian", "белорусский"), "fa": ("Persian", "персидский"), "tr": ("Turkish", "турецкий"),
            "mn": ("Mongolian", "монгольский"),
        ]
        guard let pair = names[String(code.lowercased().prefix(2))] else { return code }
        return pick(pair.0, pair.1)
    }

    // MARK: Keys

    public var keySpace: String { pick("Space", "Пробел") }
    public var keyMouseClick: String { pick("Click", "Щелчок") }
    public var keyWheel: String { pick("Wheel", "Колесо") }

    // MARK: Errors and messages of the commands

    /// `variable` is the one that decides the character set (LC_ALL or LC_CTYPE when set, else LANG).
    public func needsUTF8(_ codeset: String, variable: String) -> String {
        pick("the reader needs a UTF-8 locale, but this one uses \(codeset); try \(variable)=C.UTF-8",
             "читалке нужна локаль UTF-8, а сейчас \(codeset); попробуйте \(variable)=C.UTF-8")
    }
    public var needsTerminal: String {
        pick("the reader needs a terminal (for pipes, use 'steppe list' and 'steppe show')",
             "читалке нужен терминал (для конвейеров есть 'steppe list' и 'steppe show')")
    }
    public func unknownTerminal(_ term: String) -> String {
        pick("unknown terminal type '\(term)' (set TERM to one your terminal supports, e.g. xterm-256color)",
             "неизвестный тип терминала '\(term)' (задайте TERM, который поддерживает ваш терминал, например xterm-256color)")
    }
    public func cannotAddressCursor(_ term: String) -> String {
        pick("the terminal type '\(term)' cannot move the cursor, which the reader needs (set TERM to your terminal's type; 'steppe list' and 'steppe show' work anywhere)",
             "терминал типа '\(term)' не умеет перемещать курсор, а читалке это нужно (задайте TERM по вашему терминалу; 'steppe list' и 'steppe show' работают везде)")
    }
    public func unknownLanguage(_ code: String) -> String {
        pick("unknown language '\(code)' (choose one of: \(Language.codes))",
             "неизвестный язык '\(code)' (возможны: \(Language.codes))")
    }
    public func unknownSlug(_ facet: Facet, _ slug: String) -> String {
        switch facet {
        case .regions: pick("unknown region '\(slug)' (see the taxonomy in the README)", "неизвестный регион '\(slug)' (таксономия описана в README)")
        case .topics: pick("unknown topic '\(slug)' (see the taxonomy in the README)", "неизвестная тема '\(slug)' (таксономия описана в README)")
        case .sections: pick("unknown section '\(slug)' (see the taxonomy in the README)", "неизвестный раздел '\(slug)' (таксономия описана в README)")
        }
    }
    public func noSuchArticle(_ id: String, in path: String) -> String {
        pick("no article with id '\(id)' (archive: \(path))", "нет статьи с id '\(id)' (архив: \(path))")
    }
    public func validateSummary(readable: Int, problems: Int) -> String {
        language == .russian
            ? "\(articles(readable)) \(Plural.russian(readable, one: "читается", few: "читаются", many: "читаются")), \(self.problems(problems))"
            : "\(articles(readable)) readable, \(self.problems(problems))"
    }
    public func cannotWriteOutput(_ reason: String) -> String {
        pick("cannot write the output: \(reason)", "не удаётся записать вывод: \(reason)")
    }
    public var entrySkipped: String { pick("entry skipped", "запись пропущена") }
    public var widthTooSmall: String { pick("--width must be at least 20", "--width должен быть не меньше 20") }
    public var sizesNeedNumbers: String {
        pick("--sizes needs numbers, e.g. 1000,10000,50000", "--sizes ждёт числа, например 1000,10000,50000")
    }

    public func archiveError(_ error: ArchiveError) -> String {
        switch error {
        case .notFound(let path):
            return pick("\(path): no archive here (expected a folder with archive.json, or a .json file)",
                        "\(path): здесь нет архива (ожидается папка с archive.json или файл .json)")
        case .unreadable(let path, let reason):
            return pick("\(path): cannot read: \(reason)", "\(path): не удаётся прочитать: \(reason)")
        case .unwritable(let path, let reason):
            return pick("\(path): cannot write: \(reason)", "\(path): не удаётся записать: \(reason)")
        case .malformedJSON(let path, let line, let column, let reason):
            return pick("\(path):\(line):\(column): malformed JSON: \(reason)",
                        "\(path):\(line):\(column): ошибка в JSON: \(reason)")
        case .unsupportedFormatVersion(let path, let found, let supported):
            return pick("\(path): formatVersion \(found) is not supported (this steppe reads version \(supported))",
                        "\(path): formatVersion \(found) не поддерживается (эта версия steppe читает версию \(supported))")
        case .invalid(let path, let place, let reason):
            return "\(path): \(place): \(reason)"
        case .notAFile(let path, let kind):
            return pick("\(path): is \(fileKind(kind)), not a file", "\(path): это \(fileKind(kind)), а не файл")
        case .archiveChanged(let path, let line):
            return pick("\(path):\(line): the archive changed on disk since it was opened; R reloads it",
                        "\(path):\(line): архив изменился на диске после открытия; R перечитывает его")
        }
    }

    // MARK: Command-line help

    public var aboutSteppe: String {
        pick("An offline terminal reader for archives of Eurasianet articles.",
             "Офлайн-читалка для терминала: архивы статей Eurasianet.")
    }
    public var aboutSteppeDiscussion: String {
        pick("""
            Without a subcommand, opens the reader on your archive at $XDG_DATA_HOME/steppe/archive \
            (~/.local/share/steppe/archive), or on the bundled sample archive when you have none.

            The reader's options (steppe [read] OPTIONS; see steppe read --help):
              --archive <path>   the archive: a folder with archive.json, or a .json file
              --sample           the bundled sample archive, even when you have your own
              --theme <name>     a theme (steppe themes lists them)
              --lang <code>      en or ru (else from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)

            Settings and keys: $XDG_CONFIG_HOME/steppe/config.toml (steppe config --default).
            """,
             """
            Без подкоманды открывает читалку на вашем архиве в $XDG_DATA_HOME/steppe/archive \
            (~/.local/share/steppe/archive) или, если его нет, на встроенном примере.

            Параметры читалки (steppe [read] ПАРАМЕТРЫ; см. steppe read --help):
              --archive <путь>   архив: папка с archive.json или файл .json
              --sample           встроенный пример, даже если есть свой архив
              --theme <имя>      тема (их перечисляет steppe themes)
              --lang <код>       en или ru (иначе из LANGUAGE, LC_ALL, LC_MESSAGES, LANG)

            Настройки и клавиши: $XDG_CONFIG_HOME/steppe/config.toml (steppe config --default).
            """)
    }
    public var aboutRead: String { pick("Open the reader (the default command).", "Открыть читалку (команда по умолчанию).") }
    public var aboutList: String {
        pick("Print the archive's articles, newest first: date, id and title, one per line.",
             "Вывести статьи архива, сначала новые: дата, id и заголовок, по одной в строке.")
    }
    public var aboutShow: String { pick("Print one article as wrapped plain text.", "Вывести одну статью простым текстом с переносами.") }
    public var aboutValidate: String {
        pick("Check an archive and list every problem (exit status 0: clean, 1: errors, 2: warnings).",
             "Проверить архив и перечислить проблемы (код выхода 0: чисто, 1: ошибки, 2: предупреждения).")
    }
    public var helpSample: String {
        pick("Open the bundled sample archive, whatever else there is.", "Открыть встроенный пример архива, что бы ещё ни было.")
    }
    public var sampleOrArchive: String { pick("give --sample or --archive, not both", "укажите --sample или --archive, но не оба") }
    public var helpArchive: String {
        pick("The archive to open: a folder with archive.json, or a single .json file.",
             "Архив: папка с archive.json или один файл .json.")
    }
    public var helpLang: String {
        pick("The interface language: \(Language.codes) (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).",
             "Язык интерфейса: \(Language.codes) (по умолчанию из LANGUAGE, LC_ALL, LC_MESSAGES или LANG).")
    }
    public var helpTheme: String {
        pick("The theme to use: bundled (steppe themes lists them) or one in $XDG_CONFIG_HOME/steppe/themes; overrides config.toml.",
             "Тема: встроенная (см. steppe themes) или своя в $XDG_CONFIG_HOME/steppe/themes; важнее config.toml.")
    }
    public var helpRegion: String {
        pick("Only articles filed under this region (a slug, e.g. central-asia or tajikistan).",
             "Только статьи этого региона (слаг, например central-asia или tajikistan).")
    }
    public var helpTopic: String { pick("Only articles filed under this topic (a slug, e.g. security).", "Только статьи этой темы (слаг, например security).") }
    public var helpSection: String { pick("Only articles of this section (a slug, e.g. the-bug-pit).", "Только статьи этого раздела (слаг, например the-bug-pit).") }
    public var helpJSON: String { pick("Print JSON instead of text.", "Выводить JSON вместо текста.") }
    public var helpID: String { pick("The article's id (see 'steppe list').", "id статьи (см. 'steppe list').") }
    public var helpWidth: String { pick("Wrap lines to this many columns.", "Переносить строки по этой ширине.") }
    public var helpValidatePath: String {
        pick("The archive: a folder with archive.json, or a single .json file (default: as --archive, or yours).",
             "Архив: папка с archive.json или файл .json (по умолчанию — из --archive или ваш архив).")
    }
}
