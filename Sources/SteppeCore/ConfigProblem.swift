/// A mistake in config.toml: where it is and what is wrong; worded where it is shown
/// (`Strings.configProblem`). The setting it concerns keeps its default.
public struct ConfigProblem: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not TOML: the parser's reason. Nothing in the file is used.
        case syntax(String)
        /// The file cannot be read (no permission); nothing in it is used.
        case unreadable(String)
        /// A folder, FIFO or device where the file should be.
        case notAFile(RegularFile.Kind)
        /// Larger than a configuration file has reason to be.
        case tooLarge(limit: Int)
        case unknownSetting
        case wrongType(expected: ValueType)
        /// A value outside what the setting takes; `allowed` says what it does take.
        case badValue(String, allowed: Allowed)
        case unknownContext(String)
        case unknownCommand(String)
        case unknownKey(String)
        /// A key given to two commands of one context: the first (at `keptLine`) keeps it.
        case conflict(key: String, kept: String, keptLine: Int?, refused: String)
        /// A command that does nothing in the context it is bound in; `contexts` are where it works.
        case commandNotInContext(String, contexts: [String])
        /// A key that types or edits text where text is typed (the search line, the note editor).
        case keyTypesText(String)
        /// A key terminals cannot send apart from another (Ctrl-I is Tab, Ctrl-M is Enter).
        case keyNotSendable(String)
        /// A command without which the context cannot be left: its default keys stay.
        case keyNeeded(String)
        /// The archive named cannot be opened; the reader opens the standard one.
        case archive(String)
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
        /// A date written in at most this many columns.
        case dateWidth(Int)
        /// 0 or a number in the range.
        case zeroOr(Int, Int)
        /// A path from the root, or from the home folder with `~/`.
        case absolutePath
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

extension [ConfigProblem] {
    /// In the order a reader meets them in the file; those without a line last.
    public var inReadingOrder: [ConfigProblem] { sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) } }
}
