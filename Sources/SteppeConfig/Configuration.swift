import Foundation
import SteppeCore
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
    /// Where `theme` is set, so that a theme that turns out not to exist is reported there.
    public var themeLine: Int?

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
        guard FileManager.default.fileExists(atPath: url.path) else { return (Configuration(), []) }
        guard let data = RegularFile.read(url, limit: 1 << 20) else {
            return (Configuration(), [ConfigProblem(file: name, line: nil, key: "", kind: .syntax("cannot be read"))])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (Configuration(), [ConfigProblem(file: name, line: nil, key: "", kind: .syntax("not UTF-8 text"))])
        }
        return parse(text, file: name)
    }

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
                if let s = string(value, [key]) { c.archive = s.isEmpty ? nil : s }
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
                        c.preferences.dateFormat = try DateFormat(s)
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
            case "reading-width": if let n = int(value, path, in: Preferences.readingWidthRange) { p.readingWidth = n }
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
                    if !keys.contains(key) { keys.append(key) }
                }
                if isValid { rebindings.append(KeyMap.Rebinding(context: context, command: command, keys: keys, line: lines.line(of: path))) }
            }
        }
        let (_, conflicts) = KeyMap.standard.applying(rebindings)
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
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = inner.split(separator: ".").map { KeyLines.unquote($0) }
                if lines[table.joined(separator: "\u{1}")] == nil { lines[table.joined(separator: "\u{1}")] = i + 1 }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<equals].split(separator: ".").map { KeyLines.unquote($0) }
                let path = (table + key).joined(separator: "\u{1}")
                if lines[path] == nil { lines[path] = i + 1 }
            }
        }
    }

    private static func unquote(_ part: Substring) -> String {
        part.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    func line(of path: [String]) -> Int? { lines[path.joined(separator: "\u{1}")] }

    /// Keys in the order the file gives them, so problems come in reading order.
    func order(_ key: String, in scope: [String] = []) -> Int { line(of: scope + [key]) ?? Int.max }
}
