import Foundation

/// The words of `steppe import` and of the reader's notice that the archive changed.
extension Strings {
    public var aboutImport: String {
        pick(
            "Import saved pages, HTML pages, RSS/Atom feeds and JSON into your archive, offline.",
            "Импортировать сохранённые страницы, HTML, ленты RSS/Atom и JSON в ваш архив без сети.")
    }
    public var helpImportPaths: String {
        pick("Files and folders to import (folders are searched recursively); - reads standard input.",
            "Файлы и папки для импорта (папки просматриваются целиком); - читает стандартный ввод.")
    }
    public var importNeedsPaths: String {
        pick("Name files or folders to import, or - for standard input.",
            "Укажите файлы или папки для импорта или - для стандартного ввода.")
    }
    public var helpImportArchive: String {
        pick("The folder archive to import into (created when missing). Default: your own archive.",
            "Папка архива для импорта (создаётся, если её нет). По умолчанию: ваш архив.")
    }
    public var helpImportURL: String {
        pick("The article's URL, for a single page that does not name it.", "Адрес статьи, если страница его не называет.")
    }
    public var helpImportRegion: String {
        pick("File every imported article under this region (slug or name; repeatable).",
            "Отнести каждую статью к этому региону (код или название; можно повторять).")
    }
    public var helpImportTopic: String {
        pick("File every imported article under this topic (slug or name; repeatable).",
            "Отнести каждую статью к этой теме (код или название; можно повторять).")
    }
    public var helpImportExplain: String {
        pick("Print why each region and topic was given.", "Показать, почему даны регионы и темы.")
    }
    public var helpImportJSON: String { pick("Print the report as JSON.", "Вывести отчёт в JSON.") }
    public func unknownTag(_ tag: String, facet: String) -> String {
        pick("'\(tag)' is not a \(facet) of the archive's taxonomy", "'\(tag)' — не \(facet == "region" ? "регион" : "тема") таксономии архива")
    }
    public var importNeedsFolder: String {
        pick("imports go into a folder archive (a folder with archive.json, or a new or empty folder), not a file",
            "импорт возможен только в архив-папку (папку с archive.json или новую пустую папку), а не в файл")
    }
    public var importArchiveEmpty: String { pick("--archive needs a folder.", "--archive требует папку.") }
    public func importURLNotWeb(_ url: String) -> String {
        pick("--url must be a web address (http:// or https://), not '\(url)'.",
            "--url должен быть веб-адресом (http:// или https://), а не '\(url)'.")
    }
    /// `total` is nil when no archive exists (nothing could be imported into a new one).
    public func importSummary(added: Int, updated: Int, unchanged: Int, skipped: Int, total: Int?, archive: String) -> String {
        let counts = pick(
            "\(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped",
            "добавлено \(added), обновлено \(updated), без изменений \(unchanged), пропущено \(skipped)")
        guard let total else { return counts + pick("; no archive was created", "; архив не создан") }
        return counts + pick("; \(articles(total)) in \(archive)", "; в \(archive): \(articles(total))")
    }
    public var importURLNeedsOnePage: String {
        pick("--url names one page: give exactly one file with it.", "--url называет одну страницу: укажите с ним ровно один файл.")
    }
    public var skippedHeading: String { pick("Skipped:", "Пропущено:") }
    public func importProgress(done: Int, total: Int, unit: String, rate: Int, left: String) -> String {
        pick("\(done)/\(total) \(unit) · \(rate)/s · \(left) left", "\(done)/\(total) \(unit) · \(rate)/с · осталось \(left)")
    }
    public func importProgressInFile(articles count: Int, rate: Int, left: String) -> String {
        pick("\(articles(count)) · \(rate)/s · \(left) left", "\(articles(count)) · \(rate)/с · осталось \(left)")
    }
    public var filesUnit: String { pick("files", "файлов") }
    public var articlesUnit: String { pick("articles", "статей") }

    // MARK: --explain

    private func facetWord(_ facet: Facet) -> String {
        switch facet {
        case .regions: pick("region", "регион")
        case .topics: pick("topic", "тема")
        case .sections: pick("section", "раздел")
        }
    }

    public func explainGiven(facet: Facet, slug: String, tag: String, onCommandLine: Bool) -> String {
        // "тема" is feminine, "регион" and "раздел" masculine.
        let ending = facet == .topics ? "а" : ""
        let origin = onCommandLine
            ? pick("given on the command line", "задан\(ending) в командной строке")
            : pick("given by the source", "задан\(ending) источником")
        return "\(facetWord(facet)) \(slug): \(origin) ('\(tag)')"
    }

    public func explainIgnored(_ tag: String) -> String {
        pick("tag '\(tag)': not in the taxonomy, ignored", "метка '\(tag)': нет в таксономии, пропущена")
    }

    public func explainNothingFound(_ facet: Facet) -> String {
        facet == .regions
            ? pick("regions: no terms found in the text", "регионы: в тексте ничего не найдено")
            : pick("topics: no terms found in the text", "темы: в тексте ничего не найдено")
    }

    /// "region russia: given, score 16 (threshold 3): russia ×1 in title, moscow ×3 in body".
    public func explainScore(
        facet: Facet, slug: String, isGiven: Bool, score: Double, threshold: Double, evidence: [(term: String, count: Int, place: String)]
    ) -> String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
        let ending = facet == .topics ? "а" : ""
        let verdict = isGiven ? pick("given", "дан\(ending)") : pick("not given", "не дан\(ending)")
        let places = ["title": pick("in title", "в заголовке"), "standfirst": pick("in standfirst", "в подзаголовке"), "body": pick("in body", "в тексте")]
        let terms = evidence.map { "\($0.term) ×\($0.count) \(places[$0.place] ?? $0.place)" }.joined(separator: ", ")
        return "\(facetWord(facet)) \(slug): \(verdict), " + pick("score", "вес") + " \(number(score)) ("
            + pick("threshold", "порог") + " \(number(threshold))): \(terms)"
    }

    // MARK: Search

    public var aboutSearch: String {
        pick("Search the whole archive: ranked results with a snippet each.", "Поиск по всему архиву: результаты по релевантности, с фрагментом текста.")
    }
    public var searchSyntaxHelp: String {
        pick(
            """
            Words must all match; "exact phrase", prefix*, -excluded, a OR b. Filters: region:SLUG (a group \
            matches its countries), topic:SLUG, section:SLUG, author:NAME, lang:ru, year:2011, since:2020-01, \
            until:2021-06, is:bookmarked, is:unread, has:note. Case, diacritics and word endings (English, \
            Russian) do not matter.
            """,
            """
            Все слова должны найтись; "точная фраза", префикс*, -исключение, a OR b. Фильтры: region:КОД \
            (группа включает свои страны), topic:КОД, section:КОД, author:ИМЯ, lang:ru, year:2011, since:2020-01, \
            until:2021-06, is:bookmarked, is:unread, has:note. Регистр, диакритика и окончания (английские, \
            русские) не важны.
            """)
    }
    public var helpSearchQuery: String { pick("What to look for (see the syntax below).", "Что искать (синтаксис ниже).") }
    public var helpSearchLimit: String { pick("How many results at most.", "Сколько результатов самое большее.") }
    public var searchNeedsQuery: String { pick("Give something to search for.", "Укажите, что искать.") }
    public var searchLimitPositive: String { pick("--limit must be 1 or more.", "--limit должен быть не меньше 1.") }
    public var searchNothingFound: String { pick("Nothing found.", "Ничего не найдено.") }
    public func searchIndexing(done: Int, total: Int) -> String {
        pick("Indexing the archive for search: \(done)/\(total)", "Архив индексируется для поиска: \(done)/\(total)")
    }
    public func searchIndexFailed(_ reason: String) -> String {
        pick("the search index cannot be used: \(reason)", "поисковый индекс не работает: \(reason)")
    }

    /// A query mistake for the status bar or the command line: it names what was wrong.
    public func searchProblem(_ problem: SearchProblem) -> String {
        switch problem {
        case .unknownFilter(let name):
            let known = ["region", "topic", "section", "author", "lang", "year", "since", "until", "is", "has"]
                .map { $0 + ":" }.joined(separator: " ")
            return pick("unknown filter '\(name):' (known: \(known))", "неизвестный фильтр '\(name):' (есть: \(known))")
        case .badValue(let filter, let value, let suggestion):
            let hint = suggestion.map { pick(" — did you mean \(filter):\($0)?", " — может быть, \(filter):\($0)?") } ?? ""
            let examples = ["region": "tajikistan", "topic": "security", "section": "the-bug-pit", "author": "lillis", "lang": "ru",
                            "year": "2011", "since": "2020-01", "until": "2021-06", "is": "unread", "has": "note"]
            if value.isEmpty, let example = examples[filter] {
                return pick("\(filter): needs a value, e.g. \(filter):\(example)", "\(filter): нужно значение, например \(filter):\(example)")
            }
            switch filter {
            case "region", "topic", "section":
                return pick("no \(filter) '\(value)'\(hint)", "нет такого значения \(filter): '\(value)'\(hint)")
            case "year": return pick("year: '\(value)' is not a year", "year: '\(value)' — это не год")
            case "since", "until":
                return pick("\(filter): '\(value)' is not a date (2020, 2020-06 or 2020-06-15)",
                    "\(filter): '\(value)' — это не дата (2020, 2020-06 или 2020-06-15)")
            case "lang": return pick("lang: no articles in '\(value)'", "lang: нет статей на языке '\(value)'")
            case "author": return pick("author: '\(value)' is not a name", "author: '\(value)' — это не имя")
            default:
                let known = filter == "is" ? " (bookmarked, unread)" : filter == "has" ? " (note)" : ""
                return pick("\(filter): has no value '\(value)'\(known)", "у фильтра \(filter): нет значения '\(value)'\(known)")
            }
        case .excludedFilter(let text):
            return pick("'\(text)': a filter narrows the results and cannot be excluded",
                "'\(text)': фильтр сужает поиск, исключить его нельзя")
        case .indexUnavailable(let reason):
            return pick("search is unavailable: \(reason)", "поиск недоступен: \(reason)")
        case .interrupted:
            return pick("search interrupted", "поиск прерван")
        }
    }
    public var searchLabel: String { pick("Search: ", "Поиск: ") }
    public func searchTitle(_ text: String) -> String { pick("Search: \(text)", "Поиск: \(text)") }
    public func searchStillIndexing(done: Int, total: Int) -> String {
        pick("Still indexing for search (\(done)/\(total)): results so far",
            "Архив ещё индексируется (\(done)/\(total)): найденное на сейчас")
    }
    public var searchNoResults: String { pick("Nothing found", "Ничего не найдено") }
    public func unknownSearchOption(_ option: String) -> String {
        pick("unknown option '\(option)' (to leave out a word, write -word; after --, words are words)",
            "неизвестный параметр '\(option)' (чтобы исключить слово, пишите -слово; после -- всё считается словами)")
    }
    public var searching: String { pick("Searching…", "Поиск…") }
    public func findNotFound(_ text: String) -> String { pick("Not in this article: \(text)", "В статье нет: \(text)") }
    public var findLabel: String { pick("Find in article: ", "Найти в статье: ") }
    /// `“border” 3/11`; after going round the end, says so.
    public func findPosition(_ text: String, _ current: Int, _ count: Int, wrapped: Bool) -> String {
        let position = "\(quoted(text)) \(current)/\(count)"
        guard wrapped else { return position }
        return position + pick(current == 1 ? " (from the top again)" : " (from the end again)", current == 1 ? " (снова с начала)" : " (снова с конца)")
    }
    public var searchSyntaxShort: String {
        pick(
            "Type words to search the archive: \"a phrase\", prefix*, -word, a OR b, region:tajikistan, topic:security, section:the-bug-pit, author:lillis, lang:ru, year:2011, since:2020-01, until:2021-06, is:bookmarked, is:unread, has:note.",
            "Введите слова для поиска: \"фраза\", префикс*, -слово, a OR b, region:tajikistan, topic:security, section:the-bug-pit, author:lillis, lang:ru, year:2011, since:2020-01, until:2021-06, is:bookmarked, is:unread, has:note.")
    }

    // MARK: The reader

    /// `reloadKey`: the key that reloads, if one does.
    public func archiveChangedOnDisk(reloadKey: String?) -> String {
        guard let reloadKey else { return pick("The archive has changed on disk", "Архив изменился на диске") }
        return pick("The archive has changed on disk: \(reloadKey) reloads it", "Архив изменился на диске: \(reloadKey) перезагружает его")
    }
    public var archiveReloaded: String { pick("Archive reloaded", "Архив перезагружен") }
}

extension Strings {
    /// Why an import left something out, in one line.
    public func importProblem(_ problem: ImportProblem) -> String {
        switch problem {
        case .noSuchPath: return pick("no such file or folder", "нет такого файла или папки")
        case .folderUnreadable(let reason):
            return pick("the folder cannot be read", "папку не удаётся прочитать") + (reason.map { ": \($0)" } ?? "")
        case .notAFile(let kind):
            return pick("is \(fileKind(kind)), not a file", "это \(fileKind(kind)), а не файл")
        case .unreadable(let reason):
            return pick("cannot be read", "не читается") + (reason.map { ": \($0)" } ?? "")
        case .emptyFile: return pick("an empty file", "пустой файл")
        case .blankFile: return pick("an empty file (only blank space)", "пустой файл (одни пробелы)")
        case .binary: return pick("a binary file, not text", "двоичный файл, а не текст")
        case .invalidUTF8(let byte):
            return pick("not valid UTF-8 text (at byte \(byte))", "не текст в UTF-8 (байт \(byte))")
        case .lineTooLong(let megabytes):
            return pick("a line of \(megabytes) MB, too long for a page (at most 1 MB)",
                "строка в \(megabytes) МБ, слишком длинная для страницы (не больше 1 МБ)")
        case .tooLarge(let megabytes, let limit):
            return pick("too large (\(megabytes) MB; at most \(limit) MB)", "слишком большой (\(megabytes) МБ; не больше \(limit) МБ)")
        case .standardInputTooLarge(let gigabytes):
            return pick("more than \(gigabytes) GB; save it to a file and import that",
                "больше \(gigabytes) ГБ; сохраните в файл и импортируйте его")
        case .cannotCopyInput(let reason):
            return pick("cannot make a temporary copy: \(reason)", "не удаётся сделать временную копию: \(reason)")
        case .menusWithoutSearchLine:
            return pick("a saved page whose menus do not end with the search line; not an article",
                "сохранённая страница, меню которой не кончается строкой поиска; это не статья")
        case .listingPage(let header):
            return pick("a listing page ('\(header)'), not an article", "страница-список ('\(header)'), а не статья")
        case .listingTeasers(let count):
            return pick("a listing page (\(count) dated teasers), not an article",
                "страница-список (\(count) анонсов с датами), а не статья")
        case .textNoArticle: return pick("no article found in the text", "в тексте нет статьи")
        case .textNoTitle: return pick("no title found in the text", "в тексте нет заголовка")
        case .textNoBody: return pick("no article body found in the text", "в тексте нет текста статьи")
        case .htmlUnparsable: return pick("an HTML page that does not parse", "HTML-страница не разбирается")
        case .htmlNoTitle: return pick("no article found in the HTML page (no title)", "в HTML-странице нет статьи (нет заголовка)")
        case .htmlNoBody: return pick("no article found in the HTML page (no body text)", "в HTML-странице нет статьи (нет текста)")
        case .noDate:
            return pick("no publication date found (a line such as 'May 5, 2011' under the title, or a date field)",
                "не найдена дата публикации (строка вроде «5 мая 2011» под заголовком или поле даты)")
        case .notAFeed(let root):
            return pick("XML that is not an RSS or Atom feed (root element '\(root)')",
                "XML, но не лента RSS или Atom (корневой элемент '\(root)')")
        case .xmlNoRoot: return pick("XML with no root element", "XML без корневого элемента")
        case .xmlUnparsable(let line, let reason):
            return pick("XML that does not parse (line \(line))", "XML не разбирается (строка \(line))") + (reason.map { ": \($0)" } ?? "")
        case .feedNotOpened: return pick("the feed could not be opened", "ленту не удаётся открыть")
        case .feedBroken(let line, let after, let reason):
            let place = after == 0
                ? pick("not well-formed XML (line \(line))", "ошибка в XML (строка \(line))")
                : pick("not well-formed XML after item \(after) (line \(line))", "ошибка в XML после записи \(after) (строка \(line))")
            return pick("the rest of the feed: ", "остаток ленты: ") + place + (reason.map { ": \($0)" } ?? "")
        case .itemNoTitle: return pick("no title", "нет заголовка")
        case .itemNoText: return pick("no text", "нет текста")
        case .itemNoDate: return pick("no publication date", "нет даты публикации")
        case .itemBadDate(let text): return pick("a date that does not read: '\(text)'", "дата не читается: '\(text)'")
        case .jsonUnreadable(let detail): return pick("JSON that does not read: \(detail)", "JSON не читается: \(detail)")
        case .jsonNotObject(let detail):
            return pick("not a JSON object", "не объект JSON") + (detail.map { ": \($0)" } ?? "")
        case .jsonMalformed(let detail): return pick("malformed JSON: \(detail)", "ошибка в JSON: \(detail)")
        case .jsonEmptyList: return pick("a JSON list with no records", "список JSON без записей")
        case .jsonNoTitle: return pick("no title (looked for title, headline)", "нет заголовка (искались title, headline)")
        case .jsonNoDate:
            return pick("no date (looked for date, published, pubDate, published_at, datePublished, created_at, time)",
                "нет даты (искались date, published, pubDate, published_at, datePublished, created_at, time)")
        case .jsonBadDate: return pick("a date that does not read", "дата не читается")
        case .jsonNoBody: return pick("no body (looked for body, content, text)", "нет текста (искались body, content, text)")
        case .recordTooLong(let megabytes, let limit):
            return pick("a record of \(megabytes) MB (at most \(limit) MB)", "запись в \(megabytes) МБ (не больше \(limit) МБ)")
        case .stoppedReading(let reason): return pick("cannot be read further: \(reason)", "дальше не читается: \(reason)")
        case .repeated(let id, let path, let place):
            let first = path + (place.map { " " + importPlace($0) } ?? "")
            return pick("the same article ('\(id)') as \(first)", "та же статья ('\(id)'), что и \(first)")
        }
    }

    public func importPlace(_ place: ImportPlace) -> String {
        switch place {
        case .item(let n): pick("item \(n)", "запись \(n)")
        case .line(let n): pick("line \(n)", "строка \(n)")
        case .record(let n): pick("record \(n)", "элемент \(n)")
        }
    }

    func fileKind(_ kind: RegularFile.Kind) -> String {
        switch kind {
        case .directory: pick("a folder", "папка")
        case .fifo: pick("a FIFO (named pipe)", "именованный канал (FIFO)")
        case .characterDevice: pick("a character device", "символьное устройство")
        case .blockDevice: pick("a block device", "блочное устройство")
        case .socket: pick("a socket", "сокет")
        }
    }
}
