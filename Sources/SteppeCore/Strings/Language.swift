/// The languages of Steppe's interface.
public enum Language: String, Sendable, Equatable, Hashable, CaseIterable {
    case english = "en"
    case russian = "ru"

    /// The language asked for by `--lang`, or else by the environment: `LANGUAGE` (a colon-separated
    /// list of preferences), then `LC_ALL`, `LC_MESSAGES` and `LANG`, the first that names a language
    /// (`ru_RU.UTF-8`, `ru`). A variable naming a language Steppe lacks ends the search, as gettext does;
    /// `C` and `POSIX` mean English. The locale need not be installed: only the language code is read.
    public static func detect(environment: [String: String]) -> Language {
        if let list = environment["LANGUAGE"], !list.isEmpty {
            for entry in list.split(separator: ":") {
                if let language = Language(localeName: String(entry)) { return language }
            }
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return Language(localeName: value) ?? .english
        }
        return .english
    }

    /// `ru_RU.UTF-8`, `ru.UTF-8`, `ru`, `RU` → Russian; `C`, `POSIX` → English; anything else → nil.
    public init?(localeName: String) {
        let code = localeName.prefix { $0.isLetter }.lowercased()
        switch code {
        case "c", "posix", "en": self = .english
        case "ru": self = .russian
        default: return nil
        }
    }

    /// `--lang VALUE` as typed: a language code (`ru`), or a locale name as in `LANG` (`ru_RU.UTF-8`).
    public init?(code: String) {
        guard code.first?.isLetter == true, let language = Language(localeName: code) else { return nil }
        self = language
    }

    /// Finds `--lang X` or `--lang=X` in the raw arguments (the last one wins, as in the parser), so
    /// that even `--help` and parse errors, which come before any command runs, are in that language.
    public static func requested(in arguments: [String]) -> String? {
        var found: String?
        for (i, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", i + 1 < arguments.count { found = arguments[i + 1] }
            if argument.hasPrefix("--lang=") { found = String(argument.dropFirst("--lang=".count)) }
        }
        return found
    }

    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Plural forms: English has two, Russian three (1 статья, 2 статьи, 5 статей, 21 статья, 11 статей).
public enum Plural {
    public static func russian(_ n: Int, one: String, few: String, many: String) -> String {
        let n = abs(n)
        let tens = n % 100
        let units = n % 10
        if tens >= 11 && tens <= 14 { return many }
        if units == 1 { return one }
        if units >= 2 && units <= 4 { return few }
        return many
    }

    public static func english(_ n: Int, one: String, other: String) -> String { n == 1 ? one : other }
}
