import Foundation
import SteppeCore

#if canImport(Glibc)
    import Glibc
#endif
import SteppeViewModel
import TOMLKit

/// What config.toml sets. Everything is optional: what the file leaves out, or gets wrong, keeps
/// its default, and each mistake comes back as a `ConfigProblem` to show, never as a refusal to start.
public struct Configuration: Sendable, Equatable {
    /// The archive opened when the command line names none; nil for the standard place.
    public var archive: String?
    public var theme = "default"
    /// nil: from the environment.
    public var language: Language?
    public var preferences = Preferences.standard
    public var rebindings: [KeyMap.Rebinding] = []
    /// Where `theme` and `archive` are set, so that one that turns out not to exist is reported there.
    public var themeLine: Int?
    public var archiveLine: Int?

    public init() {}

    public static let defaults = Configuration()

    /// The standard key map with the reader's rebindings.
    public var keyMap: KeyMap { KeyMap.standard.applying(rebindings).map }

    /// `$XDG_CONFIG_HOME/steppe/config.toml`.
    public static func file(_ directories: XDGDirectories = XDGDirectories()) -> URL {
        directories.steppeConfig.appendingPathComponent("config.toml")
    }

    /// Reads a configuration file; a missing file is the defaults, with no problem.
    public static func load(_ url: URL, shownAs name: String) -> (Configuration, [ConfigProblem]) {
        func unusable(_ kind: ConfigProblem.Kind, line: Int? = nil) -> (Configuration, [ConfigProblem]) {
            (Configuration(), [ConfigProblem(file: name, line: line, key: "", kind: kind)])
        }
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return (Configuration(), []) }
        do throws(ArchiveError) {
            try RegularFile.check(url)
        } catch {
            switch error {
            case .notAFile(_, let kind): return unusable(.notAFile(kind))
            case .unreadable(_, let reason): return unusable(.unreadable(VisibleText.escape(reason)))
            default: return unusable(.unreadable(VisibleText.escape("\(error)")))
            }
        }
        guard let data = RegularFile.read(url, limit: Configuration.sizeLimit) else {
            return unusable(.tooLarge(limit: Int(Configuration.sizeLimit)))
        }
        guard let text = String(validating: data, as: UTF8.self) else { return unusable(.syntax("not UTF-8 text")) }
        // The TOML parser stops at a NUL as if the file ended there.
        if let nul = data.firstIndex(of: 0) {
            return unusable(.syntax("a NUL byte"), line: data[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
        }
        return parse(text, file: name)
    }

    /// More than any configuration needs; a larger file is refused rather than read.
    public static let sizeLimit: Int64 = 1 << 20

    /// Reads configuration text; `file` names it in problems.
    public static func parse(_ text: String, file: String) -> (Configuration, [ConfigProblem]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let reason = VisibleText.escape(error.description)
            return (Configuration(), [ConfigProblem(file: file, line: error.source.begin.line, key: "", kind: .syntax(reason))])
        } catch {
            return (Configuration(), [ConfigProblem(file: file, line: nil, key: "", kind: .syntax(VisibleText.escape("\(error)")))])
        }
        var reader = Reader(file: file, lines: KeyLines(text))
        let configuration = reader.read(table)
        return (configuration, reader.problems)
    }

    /// `archive` with a leading `~/` for the home folder.
    public func archivePath(home: String?) -> String? {
        guard let archive else { return nil }
        if archive.hasPrefix("~/"), let home, !home.isEmpty { return home + archive.dropFirst(1) }
        return archive
    }

    /// `archive` names something that does not open, as a mistake of this file; `reason` as the
    /// archive reader words it.
    public func unopenableArchive(_ reason: String, file: String) -> ConfigProblem {
        ConfigProblem(file: file, line: archiveLine, key: "archive", kind: .archive(VisibleText.escape(reason)))
    }

    /// A theme named here that is not there, as a mistake of this file.
    public func missingTheme(_ available: [String], file: String) -> ConfigProblem {
        ConfigProblem(
            file: file, line: themeLine, key: "theme", kind: .badValue(VisibleText.escape(theme), allowed: .oneOf(available)))
    }
}

/// Walks the parsed table, taking what is right and noting what is not.
private struct Reader {
    let file: String
    let lines: KeyLines
    var problems: [ConfigProblem] = []

    mutating func problem(_ path: [String], _ kind: ConfigProblem.Kind) {
        problems.append(ConfigProblem(file: file, line: lines.line(of: path), key: path.map(VisibleText.escape).joined(separator: "."), kind: kind))
    }

    mutating func read(_ table: TOMLTable) -> Configuration {
        var c = Configuration()
        for key in table.keys.sorted(by: { lines.order($0) < lines.order($1) }) {
            let value = table[key]!.tomlValue
            switch key {
            case "archive":
                if let s = string(value, [key]) {
                    if s.isEmpty {
                        c.archive = nil
                    } else if s.hasPrefix("/") || s.hasPrefix("~/") {
                        c.archive = s
                        c.archiveLine = lines.line(of: [key])
                    } else {
                        // Relative to what? The folder steppe happens to start in is no answer.
                        problem([key], .badValue(VisibleText.escape(s), allowed: .absolutePath))
                    }
                }
            case "theme":
                if let s = string(value, [key]) {
                    if s.isEmpty || s.contains("/") || s.hasPrefix(".") {
                        problem([key], .badValue(s, allowed: .themeName))
                    } else {
                        c.theme = s
                        c.themeLine = lines.line(of: [key])
                    }
                }
            case "language":
                if let s = string(value, [key]) {
                    if s == "auto" {
                        c.language = nil
                    } else if let language = Language(code: s) {
                        c.language = language
                    } else {
                        problem([key], .badValue(s, allowed: .oneOf(["auto"] + Language.allCases.map(\.rawValue))))
                    }
                }
            case "date-format":
                if let s = string(value, [key]) {
                    do {
                        let format = try DateFormat(s)
                        let widest = Language.allCases.map { format.width(in: $0) }.max() ?? 0
                        if widest > Preferences.dateWidthLimit {
                            problem([key], .badValue(VisibleText.escape(s), allowed: .dateWidth(Preferences.dateWidthLimit)))
                        } else {
                            c.preferences.dateFormat = format
                        }
                    } catch {
                        problem([key], .badValue(error.directive, allowed: .dateDirectives))
                    }
                }
            case "mouse":
                if let b = bool(value, [key]) { c.preferences.mouse = b }
            case "layout":
                if let t = value.table { readLayout(t, into: &c.preferences) } else { problem([key], .wrongType(expected: .table)) }
            case "keys":
                if let t = value.table { c.rebindings = readKeys(t) } else { problem([key], .wrongType(expected: .table)) }
            default:
                problem([key], .unknownSetting)
            }
        }
        return c
    }

    mutating func readLayout(_ table: TOMLTable, into p: inout Preferences) {
        for key in table.keys.sorted(by: { lines.order($0, in: ["layout"]) < lines.order($1, in: ["layout"]) }) {
            let value = table[key]!.tomlValue
            let path = ["layout", key]
            switch key {
            case "arrangement":
                if let s = string(value, path) {
                    if let a = Preferences.Arrangement(rawValue: s) {
                        p.arrangement = a
                    } else {
                        problem(path, .badValue(s, allowed: .oneOf(Preferences.Arrangement.allCases.map(\.rawValue))))
                    }
                }
            case "wide-from": if let n = int(value, path, in: Preferences.widthRange) { p.wideFrom = n }
            case "three-columns-from": if let n = int(value, path, in: Preferences.widthRange) { p.threeColumnsFrom = n }
            case "menu-width": if let n = int(value, path, in: Preferences.menuWidthRange) { p.menuWidth = n }
            case "list-percent": if let n = int(value, path, in: Preferences.listPercentRange) { p.listPercent = n }
            case "reading-width":
                if let n = int(value, path, in: 0...Preferences.readingWidthRange.upperBound) {
                    if n == 0 || Preferences.readingWidthRange.contains(n) {
                        p.readingWidth = n
                    } else {
                        problem(path, .badValue(String(n), allowed: .zeroOr(Preferences.readingWidthRange.lowerBound, Preferences.readingWidthRange.upperBound)))
                    }
                }
            default: problem(path, .unknownSetting)
            }
        }
    }

    mutating func readKeys(_ table: TOMLTable) -> [KeyMap.Rebinding] {
        var rebindings: [KeyMap.Rebinding] = []
        for contextName in table.keys.sorted(by: { lines.order($0, in: ["keys"]) < lines.order($1, in: ["keys"]) }) {
            guard let context = KeyContext(rawValue: contextName), KeyMap.configurableContexts.contains(context) else {
                problem(["keys", contextName], .unknownContext(VisibleText.escape(contextName)))
                continue
            }
            guard let commands = table[contextName]!.tomlValue.table else {
                problem(["keys", contextName], .wrongType(expected: .commandTable))
                continue
            }
            let scope = ["keys", contextName]
            for name in commands.keys.sorted(by: { lines.order($0, in: scope) < lines.order($1, in: scope) }) {
                let path = scope + [name]
                guard let command = Command(configName: name) else {
                    problem(path, .unknownCommand(VisibleText.escape(name)))
                    continue
                }
                guard KeyMap.commands(usableIn: context).contains(command) else {
                    problem(path, .commandNotInContext(name, contexts: KeyMap.contexts(using: command).map(\.rawValue)))
                    continue
                }
                let value = commands[name]!.tomlValue
                let names: [String]
                if let one = value.string {
                    names = [one]
                } else if let array = value.array, array.allSatisfy({ $0.tomlValue.string != nil }) {
                    names = array.map { $0.tomlValue.string! }
                } else {
                    problem(path, .wrongType(expected: .keys))
                    continue
                }
                var keys: [KeyPress] = []
                var isValid = true
                for keyName in names {
                    guard let key = KeyPress(configName: keyName) else {
                        problem(path, .unknownKey(VisibleText.escape(keyName)))
                        isValid = false
                        break
                    }
                    guard key.isSendable else {
                        problem(path, .keyNotSendable(VisibleText.escape(keyName)))
                        isValid = false
                        break
                    }
                    if key.editsText(in: context) {
                        problem(path, .keyTypesText(VisibleText.escape(keyName)))
                        isValid = false
                        break
                    }
                    if !keys.contains(key) { keys.append(key) }
                }
                if isValid { rebindings.append(KeyMap.Rebinding(context: context, command: command, keys: keys, line: lines.line(of: path))) }
            }
        }
        let (applied, conflicts) = KeyMap.standard.applying(rebindings)
        // A context left with no way out keeps the default keys of what gets out of it.
        for (context, command) in KeyMap.essentials where !applied.bindings.contains(where: { $0.context == context && $0.command == command }) {
            let taken = Set(rebindings.filter { $0.context == context }.flatMap(\.keys))
            let keys = KeyMap.standard.bindings(in: context).filter { $0.command == command }.flatMap(\.keys).filter { !taken.contains($0) }
            let given = rebindings.last { $0.context == context && $0.command == command }
            problems.append(ConfigProblem(
                file: file, line: given?.line ?? lines.line(of: ["keys", context.rawValue]),
                key: "keys.\(context.rawValue).\(command.configName)", kind: .keyNeeded(command.configName)))
            rebindings.removeAll { $0.context == context && $0.command == command }
            if !keys.isEmpty { rebindings.append(KeyMap.Rebinding(context: context, command: command, keys: keys, line: given?.line)) }
        }
        for conflict in conflicts {
            problems.append(ConfigProblem(
                file: file, line: conflict.refused.line, key: "keys.\(conflict.context.rawValue).\(conflict.refused.command.configName)",
                kind: .conflict(key: conflict.key.configName, kept: conflict.kept.command.configName, keptLine: conflict.kept.line,
                    refused: conflict.refused.command.configName)))
        }
        return rebindings
    }

    mutating func string(_ value: TOMLValue, _ path: [String]) -> String? {
        guard let s = value.string else {
            problem(path, .wrongType(expected: .string))
            return nil
        }
        return s
    }

    mutating func bool(_ value: TOMLValue, _ path: [String]) -> Bool? {
        guard let b = value.bool else {
            problem(path, .wrongType(expected: .bool))
            return nil
        }
        return b
    }

    mutating func int(_ value: TOMLValue, _ path: [String], in range: ClosedRange<Int>) -> Int? {
        guard let n = value.int else {
            problem(path, .wrongType(expected: .integer))
            return nil
        }
        guard range.contains(n) else {
            problem(path, .badValue(String(n), allowed: .range(range.lowerBound, range.upperBound)))
            return nil
        }
        return n
    }
}

/// Where each key is written in the file, for messages: TOML parsers keep no positions for values,
/// so the text is scanned for table headers and `key =` lines. Only a locator: what the values are
/// is the TOML library's to say.
struct KeyLines {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        // Lines as the reader counts them: "\r\n" is one break (a Character of its own in Swift).
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = inner.split(separator: ".").map { KeyLines.unquote($0) }
                if lines[table.joined(separator: "\u{1}")] == nil { lines[table.joined(separator: "\u{1}")] = i + 1 }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<equals].split(separator: ".").map { KeyLines.unquote($0) }
                // A dotted key ("layout.menu-width = 30") writes its tables on this line too.
                for length in 1...max(1, key.count) {
                    let path = (table + key.prefix(length)).joined(separator: "\u{1}")
                    if lines[path] == nil { lines[path] = i + 1 }
                }
            }
        }
    }

    private static func unquote(_ part: Substring) -> String {
        part.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// The line of a key; for one written inside an inline table or a dotted key, its table's line.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: "\u{1}")] { return line }
            path.removeLast()
        }
        return nil
    }

    /// Keys in the order the file gives them, so problems come in reading order.
    func order(_ key: String, in scope: [String] = []) -> Int { lines[(scope + [key]).joined(separator: "\u{1}")] ?? line(of: scope + [key]) ?? Int.max }
}
