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

    // MARK: The reader

    public var archiveChangedOnDisk: String {
        pick("The archive has changed on disk: R reloads it", "Архив изменился на диске: R перезагружает его")
    }
    public var archiveReloaded: String { pick("Archive reloaded", "Архив перезагружен") }
}
