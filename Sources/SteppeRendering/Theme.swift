import Foundation
import SteppeCore
import SteppeViewModel

/// How each style role looks: colours and attributes. Loaded from `Themes/*.json`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: CellStyle]

    public init(name: String, styles: [StyleRole: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    /// A role's style; roles a theme leaves out look like `base`.
    public func style(for role: StyleRole) -> CellStyle { styles[role] ?? styles[.base] ?? CellStyle() }

    /// Roles that must not look alike, the first made distinct from the second when fewer colours
    /// make them collide: a focused pane's title is not a selected row.
    static let distinctRoles: [(StyleRole, StyleRole)] = [(.paneTitleFocused, .selection), (.selectionInactive, .selection)]

    /// The theme for a terminal with only `colors` colours.
    public func reduced(toColors colors: Int) -> Theme {
        keepingDistinct(styles.mapValues { $0.reduced(toColors: colors) })
    }

    /// The theme for a terminal without colour (or with `NO_COLOR`): attributes only.
    public var withoutColor: Theme { keepingDistinct(styles.mapValues(\.withoutColor)) }

    private func keepingDistinct(_ reduced: [StyleRole: CellStyle]) -> Theme {
        var theme = Theme(name: name, styles: reduced)
        for (role, other) in Theme.distinctRoles where theme.style(for: role) == theme.style(for: other) {
            var style = theme.style(for: role)
            style.underline.toggle()
            theme.styles[role] = style
        }
        return theme
    }

    /// Plain attributes, no colours: what is used before any theme loads, and a safe fallback.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .paneTitleFocused: CellStyle(bold: true, reverse: true),
            .paneTitle: CellStyle(bold: true),
            .selection: CellStyle(reverse: true),
            .selectionInactive: CellStyle(underline: true),
            .articleTitle: CellStyle(bold: true),
            .heading: CellStyle(bold: true),
            .statusBar: CellStyle(reverse: true),
            .statusKey: CellStyle(bold: true, reverse: true),
            .helpTitle: CellStyle(bold: true),
            .helpKey: CellStyle(bold: true),
            .warning: CellStyle(bold: true),
            .dim: CellStyle(dim: true),
            .listUnread: CellStyle(bold: true),
            .bookmarkMarker: CellStyle(bold: true),
            .noteMarker: CellStyle(bold: true),
            .noteBox: CellStyle(dim: true),
            .noteQuote: CellStyle(underline: true),
            .paragraphCursor: CellStyle(bold: true),
            .textSelection: CellStyle(reverse: true),
            .searchMatch: CellStyle(underline: true),
        ])
}

public struct CellStyle: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, bold: Bool = false,
        dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The style with colours removed (`NO_COLOR`). A role that stood out by its background keeps
    /// standing out, in reverse video.
    public var withoutColor: CellStyle {
        var style = self
        if background != .terminalDefault { style.reverse.toggle() }
        style.foreground = .terminalDefault
        style.background = .terminalDefault
        return style
    }

    /// The style for a terminal with only `colors` colours.
    public func reduced(toColors colors: Int) -> CellStyle {
        var style = self
        style.foreground = foreground.reduced(toColors: colors)
        style.background = background.reduced(toColors: colors, isBackground: true)
        return style
    }
}

/// A colour: the terminal's own default, or an index of the 256-colour palette.
public enum ThemeColor: Sendable, Equatable, Hashable {
    case terminalDefault
    case index(UInt8)

    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// The nearest colour among the first `colors` of the palette (8 or 16), for terminals without 256.
    /// Greys have no near basic colour (the nearest by distance is yellow): as text they become white
    /// (black only when nearly black), as a background black (white only when nearly white), so grey
    /// counts stay grey-ish and a grey rule stays visible on a dark terminal.
    public func reduced(toColors colors: Int, isBackground: Bool = false) -> ThemeColor {
        guard case .index(let i) = self, Int(i) >= colors else { return self }
        if i < 16 { return .index(i - 8) }
        let (r, g, b) = ThemeColor.rgb(of: i)
        if max(r, g, b) - min(r, g, b) < 24 {
            let level = (r + g + b) / 3
            return isBackground ? .index(level > 200 ? 7 : 0) : .index(level < 60 ? 0 : 7)
        }
        // The basic colours as the xterm palette draws them.
        let basics: [(UInt8, Int, Int, Int)] = [
            (0, 0, 0, 0), (1, 205, 0, 0), (2, 0, 205, 0), (3, 205, 205, 0), (4, 0, 0, 238), (5, 205, 0, 205),
            (6, 0, 205, 205), (7, 229, 229, 229),
        ]
        let best = basics.min { a, b2 in
            let da = (a.1 - r) * (a.1 - r) + (a.2 - g) * (a.2 - g) + (a.3 - b) * (a.3 - b)
            let db = (b2.1 - r) * (b2.1 - r) + (b2.2 - g) * (b2.2 - g) + (b2.3 - b) * (b2.3 - b)
            return da < db
        }!
        return .index(best.0)
    }

    static func rgb(of index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i >= 232 {
            let level = 8 + (i - 232) * 10
            return (level, level, level)
        }
        let c = i - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[c / 36], steps[c / 6 % 6], steps[c % 6])
    }
}

extension Theme {
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a theme file. Errors name the file and the role or field at fault.
    public static func load(from url: URL) throws -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LoadError(description: "\(url.path): cannot read the theme")
        }
        let file: ThemeFile
        do {
            file = try JSONDecoder().decode(ThemeFile.self, from: data)
        } catch let error as LoadError {
            throw LoadError(description: "\(url.path): \(error.description)")
        } catch {
            if DecodingErrorMessage.isSyntaxError(error), let place = JSONSyntaxLocator.locate(in: data) {
                throw LoadError(description: "\(url.path):\(place.line):\(place.column): malformed JSON: \(place.reason)")
            }
            throw LoadError(description: "\(url.path): not a theme file: \(DecodingErrorMessage.describe(error))")
        }
        var styles: [StyleRole: CellStyle] = [:]
        for (key, entry) in file.styles {
            guard let role = StyleRole(rawValue: key) else {
                throw LoadError(description: "\(url.path): styles.\(key): unknown role")
            }
            do {
                styles[role] = try entry.style()
            } catch let error as LoadError {
                throw LoadError(description: "\(url.path): styles.\(key): \(error.description)")
            }
        }
        return Theme(name: file.name ?? url.deletingPathExtension().lastPathComponent, styles: styles)
    }

    /// Finds a theme by name in the given folders, first match wins.
    public static func named(_ name: String, in directories: [URL]) throws -> Theme {
        for directory in directories {
            let url = directory.appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: url.path) { return try load(from: url) }
        }
        let known = available(in: directories).joined(separator: ", ")
        throw LoadError(description: "no theme named '\(name)' (available: \(known))")
    }

    /// The theme to use: the user's own of that name, else the bundled one. A user theme that fails to
    /// load does not stop the reader: the bundled theme of that name (or the default) is used, and the
    /// error comes back to be shown.
    public static func resolve(_ name: String, user: URL, bundled: URL) throws -> (theme: Theme, problem: String?) {
        let own = user.appendingPathComponent("\(name).json")
        if FileManager.default.fileExists(atPath: own.path) {
            do {
                return (try load(from: own), nil)
            } catch {
                let fallback = FileManager.default.fileExists(atPath: bundled.appendingPathComponent("\(name).json").path)
                    ? name : "default"
                return (try named(fallback, in: [bundled]), String(describing: error))
            }
        }
        return (try named(name, in: [user, bundled]), nil)
    }

    public static func available(in directories: [URL]) -> [String] {
        var names: Set<String> = []
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".json") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }
}

private struct ThemeFile: Decodable {
    var name: String?
    var styles: [String: StyleEntry]
}

private struct StyleEntry: Decodable {
    var fg: ColorValue?
    var bg: ColorValue?
    var bold: Bool?
    var dim: Bool?
    var italic: Bool?
    var underline: Bool?
    var reverse: Bool?

    func style() throws -> CellStyle {
        CellStyle(
            foreground: try fg?.color() ?? .terminalDefault, background: try bg?.color() ?? .terminalDefault,
            bold: bold ?? false, dim: dim ?? false, italic: italic ?? false, underline: underline ?? false,
            reverse: reverse ?? false)
    }
}

/// A colour as written in a theme: a palette index 0–255, a colour name, or "default".
private enum ColorValue: Decodable {
    case number(Int)
    case name(String)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .name(try c.decode(String.self)) }
    }

    func color() throws -> ThemeColor {
        switch self {
        case .number(let n):
            guard (0...255).contains(n) else { throw Theme.LoadError(description: "colour \(n) is not in 0–255") }
            return .index(UInt8(n))
        case .name(let name):
            if name == "default" { return .terminalDefault }
            guard let index = ThemeColor.names[name.lowercased()] else {
                throw Theme.LoadError(description: "unknown colour '\(name)'")
            }
            return .index(index)
        }
    }
}
