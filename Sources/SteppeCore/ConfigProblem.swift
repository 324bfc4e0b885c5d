/// A mistake in config.toml: where it is and what is wrong; worded where it is shown
/// (`Strings.configProblem`). The setting it concerns keeps its default.
public struct ConfigProblem: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not TOML: the parser's reason. Nothing in the file is used.
        case syntax(String)
        case unknownSetting
        case wrongType(expected: ValueType)
        /// A value outside what the setting takes; `allowed` says what it does take.
        case badValue(String, allowed: Allowed)
        case unknownContext(String)
        case unknownCommand(String)
        case unknownKey(String)
        /// A key given to two commands of one context: the first (at `keptLine`) keeps it.
        case conflict(key: String, kept: String, keptLine: Int?, refused: String)
    }

    /// What a setting is written as.
    public enum ValueType: Sendable, Equatable {
        case string, bool, integer, table, commandTable, keys
    }

    /// What values a setting takes.
    public enum Allowed: Sendable, Equatable {
        case oneOf([String])
        case range(Int, Int)
        /// A theme's name, as `steppe themes` lists them.
        case themeName
        /// The `%` directives of a date format.
        case dateDirectives
    }

    /// The file as it is shown (a path with the home folder as `~`).
    public var file: String
    public var line: Int?
    /// The setting's dotted path: `layout.menu-width`, `keys.list.move-down`.
    public var key: String
    public var kind: Kind

    public init(file: String, line: Int?, key: String, kind: Kind) {
        self.file = file
        self.line = line
        self.key = key
        self.kind = kind
    }
}
