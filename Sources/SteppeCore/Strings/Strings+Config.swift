extension Strings {
    /// `~/.config/steppe/config.toml:12: layout.menu-width: must be a whole number`: one line, file,
    /// line and key first.
    public func configProblem(_ problem: ConfigProblem) -> String {
        let place = problem.file + (problem.line.map { ":\($0)" } ?? "") + ": " + (problem.key.isEmpty ? "" : problem.key + ": ")
        let text: String
        switch problem.kind {
        case .syntax(let reason): text = pick("not valid TOML: \(reason)", "это не TOML: \(reason)")
        case .unreadable(let reason): text = pick("cannot be read: \(reason)", "не читается: \(reason)")
        case .notAFile(let kind): text = pick("is \(fileKind(kind)), not a file", "это \(fileKind(kind)), а не файл")
        case .tooLarge(let limit):
            text = pick("larger than \(size(bytes: limit)), too large for a configuration", "больше \(size(bytes: limit)): слишком велик для настроек")
        case .unknownSetting: text = pick("no such setting", "такой настройки нет")
        case .wrongType(let expected): text = pick("must be ", "должно быть: ") + valueType(expected)
        case .badValue(let value, let allowed):
            text = pick("'\(value)' is not allowed (\(self.allowed(allowed)))", "значение '\(value)' не подходит (\(self.allowed(allowed)))")
        case .unknownContext(let name):
            let known = "global, menu, list, article, selecting, editor, prompt, confirm, search, finding, found, help"
            text = pick("no key context '\(name)' (\(known))", "нет контекста клавиш '\(name)' (\(known))")
        case .unknownCommand(let name):
            text = pick("no command '\(name)' (steppe config --default lists them)", "нет команды '\(name)' (см. steppe config --default)")
        case .unknownKey(let name):
            text = pick("no key named '\(name)' (e.g. j, Ctrl-L, Shift-Tab, PgDn, F5)", "нет клавиши '\(name)' (например j, Ctrl-L, Shift-Tab, PgDn, F5)")
        case .conflict(let key, let kept, let keptLine, let refused):
            let at = keptLine.map { pick(" on line \($0)", " в строке \($0)") } ?? ""
            text = pick("\(key) is already bound to \(kept)\(at); \(refused) does not get it",
                "\(key) уже назначена на \(kept)\(at); \(refused) её не получает")
        case .commandNotInContext(let command, let contexts):
            let places = contexts.isEmpty ? "" : pick(" (it works in: \(contexts.joined(separator: ", ")))", " (работает в: \(contexts.joined(separator: ", ")))")
            text = pick("\(command) does nothing here\(places)", "\(command) здесь ничего не делает\(places)")
        case .keyTypesText(let key):
            text = pick("\(key) types or edits the text here; choose a key the text does not use (an F-key, PgDn, Ctrl-O…)",
                "\(key) здесь вводит или правит текст; нужна клавиша, которой текст не пользуется (F-клавиша, PgDn, Ctrl-O…)")
        case .keyNotSendable(let key):
            text = pick("terminals cannot send \(key) apart from another key", "терминалы не отличают \(key) от другой клавиши")
        case .keyNeeded(let command):
            text = pick("\(command) needs a key here, or there is no way out: its default keys are kept",
                "\(command) нужна клавиша, иначе отсюда не выйти: оставлены клавиши по умолчанию")
        case .archive(let reason):
            text = pick("\(reason); the standard archive is opened instead", "\(reason); открыт архив по умолчанию")
        }
        return place + text
    }

    /// `nextKey`: the key that goes on to the next theme.
    public func themeNotice(_ name: String, position: Int, of count: Int, nextKey: String?) -> String {
        guard let nextKey else { return pick("Theme: \(name) (\(position)/\(count))", "Тема: \(name) (\(position)/\(count))") }
        return pick("Theme: \(name) (\(position)/\(count); \(nextKey) for the next)", "Тема: \(name) (\(position)/\(count); \(nextKey) — следующая)")
    }
    public var aboutThemes: String { pick("List the colour themes, with a sample of each.", "Перечислить темы оформления с образцом каждой.") }
    public var themeDoesNotLoad: String { pick("(does not load: see below)", "(не загружается: см. ниже)") }
    /// Words of a theme's sample in `steppe themes`: title, menu group, unread, selected, search
    /// match, text, error.
    public var themeSampleWords: [String] {
        language == .russian
            ? ["Steppe", "Регионы", "Новое", "Выбрано", "найдено", "текст", "ошибка"]
            : ["Steppe", "Regions", "Unread", "Selected", "match", "text", "error"]
    }
    public var themeIsYours: String { pick("(yours)", "(ваша)") }
    private func valueType(_ type: ConfigProblem.ValueType) -> String {
        switch type {
        case .string: pick("a string in quotes", "строка в кавычках")
        case .bool: pick("true or false", "true или false")
        case .integer: pick("a whole number", "целое число")
        case .table: pick("a table", "таблица")
        case .commandTable: pick("a table of commands", "таблица команд")
        case .keys: pick("a key or a list of keys", "клавиша или список клавиш")
        }
    }

    private func allowed(_ allowed: ConfigProblem.Allowed) -> String {
        switch allowed {
        case .oneOf(let values): values.joined(separator: ", ")
        case .range(let low, let high): pick("\(low) to \(high)", "от \(low) до \(high)")
        case .themeName: pick("a theme's name, as steppe themes lists them", "имя темы, как их перечисляет steppe themes")
        case .dateDirectives: "%Y %y %m %d %e %b %B %%"
        case .dateWidth(let columns): pick("a date of at most \(columns) columns", "дата не длиннее \(columns) столбцов")
        case .zeroOr(let low, let high): pick("0, or \(low) to \(high)", "0 или от \(low) до \(high)")
        case .absolutePath: pick("a path from / or ~/", "путь от / или ~/")
        }
    }

    public func firstOfProblems(_ count: Int) -> String {
        pick("(1 of \(count): steppe config --check, steppe themes)", "(1 из \(count): steppe config --check, steppe themes)")
    }
    public var configDefaultsUsed: String {
        pick("defaults are used for what was wrong", "для ошибочного взяты значения по умолчанию")
    }
    public func configFileNotFound(_ path: String) -> String {
        pick("\(path): no such configuration file", "\(path): такого файла настроек нет")
    }
    public func configIsValid(_ file: String) -> String { pick("\(file): no mistakes", "\(file): ошибок нет") }
    public func configMissing(_ file: String) -> String {
        pick("\(file) does not exist: steppe uses its defaults (steppe config --default prints them)",
            "\(file) нет: steppe работает с настройками по умолчанию (их выводит steppe config --default)")
    }
    public var aboutConfig: String { pick("Print the default configuration, or check config.toml.", "Вывести настройки по умолчанию или проверить config.toml.") }
    public var helpConfigDefault: String { pick("Print a commented configuration with every default.", "Вывести настройки по умолчанию с пояснениями.") }
    public var helpConfigCheck: String { pick("Check the configuration file and list its mistakes.", "Проверить файл настроек и перечислить ошибки.") }
    public var helpConfigFile: String { pick("The configuration file (default: $XDG_CONFIG_HOME/steppe/config.toml).", "Файл настроек (по умолчанию $XDG_CONFIG_HOME/steppe/config.toml).") }
    public var configNeedsAction: String { pick("give --default or --check", "укажите --default или --check") }
}
