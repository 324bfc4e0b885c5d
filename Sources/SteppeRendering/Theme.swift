import Foundation
import SteppeCore
import SteppeViewModel

/// How each style role looks: colours and attributes. Loaded from `Themes/*.json`.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// One line about the theme, for `steppe themes`.
    public var description = ""
    public var styles: [StyleRole: CellStyle]
    /// What each modifier lays over a role's style; one a theme leaves out is the style of the role
    /// that stands for it (`selection`, `selectionInactive`, `listUnread`), whole, or nothing (`bookmarked`).
    public var overlays: [StyleModifiers: StyleOverlay]

    public init(
        name: String, description: String = "", styles: [StyleRole: CellStyle], overlays: [StyleModifiers: StyleOverlay] = [:]
    ) {
        self.name = name
        self.description = description
        self.styles = styles
        self.overlays = overlays
    }

    /// A role's style; roles a theme leaves out look like `base`.
    public func style(for role: StyleRole) -> CellStyle { styles[role] ?? styles[.base] ?? CellStyle() }

    /// A role's style with the modifiers laid over it, in `StyleModifiers.layers` order.
    public func style(for role: StyleRole, modifiers: StyleModifiers) -> CellStyle {
        var style = style(for: role)
        for layer in StyleModifiers.layers where modifiers.contains(layer.modifier) {
            style = overlay(for: layer.modifier).laid(over: style)
        }
        return style
    }

    /// The role that stands for each modifier. A theme that styles the role and not the modifier
    /// means its role; a modifier a theme leaves out takes its role's style whole, except
    /// `bookmarked`, whose marker's colours are not meant for a whole title.
    static let standIns: [(StyleModifiers, StyleRole)] = [
        (.selected, .selection), (.selectedInactive, .selectionInactive), (.unread, .listUnread), (.bookmarked, .bookmarkMarker),
    ]

    static func name(of modifier: StyleModifiers) -> String {
        StyleModifiers.layers.first { $0.modifier == modifier }?.name ?? ""
    }

    public func overlay(for modifier: StyleModifiers) -> StyleOverlay {
        if let own = overlays[modifier] { return own }
        guard modifier != .bookmarked, let role = Theme.standIns.first(where: { $0.0 == modifier })?.1 else { return StyleOverlay() }
        return StyleOverlay(whole: style(for: role))
    }

    /// Roles that must not look alike, the first made distinct from the second when fewer colours
    /// make them collide: a focused pane's title is not a selected row.
    static let distinctRoles: [(StyleRole, StyleRole)] = [(.paneTitleFocused, .selection), (.selectionInactive, .selection)]

    /// The theme for a terminal with only `colors` colours.
    public func reduced(toColors colors: Int) -> Theme {
        keepingDistinct(styles.mapValues { $0.reduced(toColors: colors) }, overlays.mapValues { $0.reduced(toColors: colors) })
    }

    /// The theme for a terminal without colour (or with `NO_COLOR`): attributes only.
    public var withoutColor: Theme { keepingDistinct(styles.mapValues(\.withoutColor), overlays.mapValues(\.withoutColor)) }

    private func keepingDistinct(_ reduced: [StyleRole: CellStyle], _ overlays: [StyleModifiers: StyleOverlay]) -> Theme {
        var theme = Theme(name: name, description: description, styles: reduced, overlays: overlays)
        for (role, other) in Theme.distinctRoles where theme.style(for: role) == theme.style(for: other) {
            var style = theme.style(for: role)
            style.underline.toggle()
            theme.styles[role] = style
        }
        // A selection in a pane without the focus still differs from one with it.
        for role in [StyleRole.listTitle, .menuItem]
        where theme.style(for: role, modifiers: .selected) == theme.style(for: role, modifiers: .selectedInactive) {
            theme.overlays[.selectedInactive] = StyleOverlay(whole: theme.style(for: .selectionInactive))
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

/// What a modifier changes of a style: only what it sets.
public struct StyleOverlay: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold: Bool?
    public var dim: Bool?
    public var italic: Bool?
    public var underline: Bool?
    public var reverse: Bool?

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool? = nil, dim: Bool? = nil,
        italic: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// An overlay that sets everything: the style replaces what is under it.
    public init(whole style: CellStyle) {
        self.init(
            foreground: style.foreground, background: style.background, bold: style.bold, dim: style.dim,
            italic: style.italic, underline: style.underline, reverse: style.reverse)
    }

    public func laid(over style: CellStyle) -> CellStyle {
        CellStyle(
            foreground: foreground ?? style.foreground, background: background ?? style.background, bold: bold ?? style.bold,
            dim: dim ?? style.dim, italic: italic ?? style.italic, underline: underline ?? style.underline,
            reverse: reverse ?? style.reverse)
    }

    func reduced(toColors colors: Int) -> StyleOverlay {
        var overlay = self
        overlay.foreground = foreground?.reduced(toColors: colors)
        overlay.background = background?.reduced(toColors: colors, isBackground: true)
        return overlay
    }

    /// As `CellStyle.withoutColor`: a background becomes reverse video.
    var withoutColor: StyleOverlay {
        var overlay = self
        if let background, background != .terminalDefault { overlay.reverse = !(reverse ?? false) }
        overlay.foreground = foreground.map { _ in .terminalDefault }
        overlay.background = background.map { _ in .terminalDefault }
        return overlay
    }
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

/// A colour: the terminal's own default, an index of the 256-colour palette, or red, green and blue,
/// drawn as they are on a direct-colour terminal and as the nearest palette colour elsewhere.
public enum ThemeColor: Sendable, Equatable, Hashable {
    case terminalDefault
    case index(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// Colours a terminal with direct colour (`TERM=xterm-direct`) reports: every 24-bit value.
    public static let directColors = 1 << 24

    /// The nearest of the 240 colours above the basic 16 (the 6×6×6 cube and the grey ramp).
    public static func nearestIndex(r: Int, g: Int, b: Int) -> UInt8 {
        func distance(_ c: (Int, Int, Int)) -> Int {
            // Weighted towards green, where the eye tells colours apart best.
            let (dr, dg, db) = (c.0 - r, c.1 - g, c.2 - b)
            return 2 * dr * dr + 4 * dg * dg + 3 * db * db
        }
        var best: UInt8 = 16
        var bestDistance = Int.max
        for i in 16...255 {
            let d = distance(rgb(of: UInt8(i)))
            if d < bestDistance {
                best = UInt8(i)
                bestDistance = d
            }
        }
        return best
    }

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
        if case .rgb(let r, let g, let b) = self {
            if colors >= ThemeColor.directColors { return self }
            return ThemeColor.index(ThemeColor.nearestIndex(r: Int(r), g: Int(g), b: Int(b))).reduced(toColors: colors, isBackground: isBackground)
        }
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
        public init(description: String) { self.description = description }
    }

    /// Reads a theme file; roles it leaves out are `base`'s. Errors name the file, the line and the
    /// role or field at fault.
    public static func load(from url: URL, inheriting base: Theme? = nil) throws -> Theme {
        // Named by the file alone: themes live in one folder, and a status bar has little room.
        let shown = VisibleText.escape(url.lastPathComponent)
        do throws(ArchiveError) {
            try RegularFile.check(url)
        } catch {
            let reason: String = switch error {
            case .notAFile(_, let kind): "is \(kind), not a file"
            case .unreadable(_, let reason): reason
            default: "cannot be read"
            }
            throw LoadError(description: "\(shown): \(reason)")
        }
        // A FIFO would block and a huge file is no theme: only a regular file of sensible size is read.
        guard let data = RegularFile.read(url, limit: Theme.sizeLimit) else {
            throw LoadError(description: "\(shown): larger than \(Theme.sizeLimit / 1024) KB, too large for a theme")
        }
        let text = String(decoding: data, as: UTF8.self)
        let file: ThemeFile
        do {
            file = try JSONDecoder().decode(ThemeFile.self, from: data)
        } catch let error as EntryError {
            // An entry's own mistake, at the line of what is wrong in it: "styles.body: unknown attribute 'blink'".
            let roleLine = error.path.count > 1 ? Theme.line(of: error.path[1], in: text) : nil
            let line = error.attribute.flatMap { Theme.line(of: $0, in: text, from: roleLine ?? 1) } ?? roleLine
            let path = error.path.joined(separator: ".")
            throw LoadError(description: "\(shown)" + (line.map { ":\($0)" } ?? "") + ": \(path): \(error.message)")
        } catch {
            if DecodingErrorMessage.isSyntaxError(error), let place = JSONSyntaxLocator.locate(in: data) {
                throw LoadError(description: "\(shown):\(place.line):\(place.column): malformed JSON: \(place.reason)")
            }
            throw LoadError(description: "\(shown): not a theme file: \(DecodingErrorMessage.describe(error))")
        }
        var styles = base?.styles ?? [:]
        var overlays = base?.overlays ?? [:]
        // A theme that styles the role standing for a modifier, and not the modifier, means its role.
        for (modifier, role) in Theme.standIns where file.styles?[role.rawValue] != nil && file.modifiers?[Theme.name(of: modifier)] == nil {
            overlays[modifier] = nil
        }
        for (key, entry) in file.modifiers ?? [:] {
            let place = "\(shown)" + (Theme.line(of: key, in: text).map { ":\($0)" } ?? "") + ": modifiers.\(key)"
            guard let modifier = StyleModifiers.layers.first(where: { $0.name == key })?.modifier else {
                let known = StyleModifiers.layers.map(\.name).joined(separator: ", ")
                throw LoadError(description: "\(place): unknown modifier (\(known))")
            }
            do {
                overlays[modifier] = try entry.overlay()
            } catch let error as LoadError {
                throw LoadError(description: "\(place): \(error.description)")
            }
        }
        for (key, entry) in file.styles ?? [:] {
            let place = "\(shown)" + (Theme.line(of: key, in: text).map { ":\($0)" } ?? "") + ": styles.\(key)"
            guard let role = StyleRole(rawValue: key) else {
                throw LoadError(description: "\(place): unknown role")
            }
            do {
                styles[role] = try entry.style()
            } catch let error as LoadError {
                throw LoadError(description: "\(place): \(error.description)")
            }
        }
        return Theme(
            name: url.deletingPathExtension().lastPathComponent, description: file.description ?? "", styles: styles,
            overlays: overlays)
    }

    /// The line where `"key"` is first written, from line `from` on: JSON parsers keep no positions
    /// for what parsed.
    static func line(of key: String, in text: String, from: Int = 1) -> Int? {
        let quoted = "\"" + key + "\""
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        where i + 1 >= from && line.contains(quoted) {
            return i + 1
        }
        return nil
    }

    /// A mistake inside a style entry, where the decoder found it.
    struct EntryError: Error {
        var path: [String]
        /// The attribute at fault, to find its line.
        var attribute: String?
        var message: String
    }

    /// Finds a theme by name in the given folders, first match wins; it inherits what it leaves out
    /// from `base`.
    public static func named(_ name: String, in directories: [URL], inheriting base: Theme? = nil) throws -> Theme {
        for directory in directories {
            let url = directory.appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: url.path) { return try load(from: url, inheriting: base) }
        }
        let known = available(in: directories).joined(separator: ", ")
        throw LoadError(description: "no theme named '\(name)' (available: \(known))")
    }

    /// The theme to use: the user's own of that name, else the bundled one. A user theme that fails to
    /// load does not stop the reader: the bundled theme of that name (or the default) is used, and the
    /// error comes back to be shown.
    public static func resolve(_ name: String, user: URL, bundled: URL) throws -> (theme: Theme, problem: String?) {
        // Every theme builds on the bundled default, so a user's theme may set only what it changes.
        let base = try named("default", in: [bundled])
        let own = user.appendingPathComponent("\(name).json")
        if FileManager.default.fileExists(atPath: own.path) {
            do {
                return (try load(from: own, inheriting: base), nil)
            } catch {
                let fallback = FileManager.default.fileExists(atPath: bundled.appendingPathComponent("\(name).json").path)
                    ? name : "default"
                return (try named(fallback, in: [bundled], inheriting: base), String(describing: error))
            }
        }
        return (try named(name, in: [user, bundled], inheriting: base), nil)
    }

    /// The names of the themes in the folders: `.json` files (a link is followed; a link to nothing
    /// or a folder is no theme).
    public static func available(in directories: [URL]) -> [String] {
        var names: Set<String> = []
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".json") && file.count > 5 {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path, isDirectory: &isFolder),
                    !isFolder.boolValue
                else { continue }
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// The theme of that name as it is, or why it cannot be used: unlike `resolve`, no stand-in.
    public static func loading(_ name: String, user: URL, bundled: URL) -> Result<Theme, LoadError> {
        do {
            let resolved = try resolve(name, user: user, bundled: bundled)
            return resolved.problem.map { .failure(LoadError(description: $0)) } ?? .success(resolved.theme)
        } catch {
            return .failure(LoadError(description: String(describing: error)))
        }
    }

    /// The themes that load, yours and the bundled ones: those `T` goes round and completion offers.
    public static func usable(user: URL, bundled: URL) -> [String] {
        available(in: [user, bundled]).filter { name in
            if case .success = loading(name, user: user, bundled: bundled) { true } else { false }
        }
    }

    /// More than any theme needs.
    public static let sizeLimit: Int64 = 1 << 20
}

private struct ThemeFile: Decodable {
    var name: String?
    var description: String?
    /// Both may be left out: a theme sets only what it changes.
    var styles: [String: StyleEntry]?
    var modifiers: [String: StyleEntry]?
}

private struct StyleEntry: Decodable {
    var fg: ColorValue?
    var bg: ColorValue?
    var bold: Bool?
    var dim: Bool?
    var italic: Bool?
    var underline: Bool?
    var reverse: Bool?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case fg, bg, bold, dim, italic, underline, reverse
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// An attribute the format does not have is a mistake to name, not something to pass over.
    init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = all.allKeys.first(where: { CodingKeys(rawValue: $0.stringValue) == nil }) {
            let known = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
            throw Theme.EntryError(
                path: decoder.codingPath.map(\.stringValue), attribute: unknown.stringValue,
                message: "unknown attribute '\(VisibleText.escape(unknown.stringValue))' (\(known))")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fg = try c.decodeIfPresent(ColorValue.self, forKey: .fg)
        bg = try c.decodeIfPresent(ColorValue.self, forKey: .bg)
        bold = try c.decodeIfPresent(Bool.self, forKey: .bold)
        dim = try c.decodeIfPresent(Bool.self, forKey: .dim)
        italic = try c.decodeIfPresent(Bool.self, forKey: .italic)
        underline = try c.decodeIfPresent(Bool.self, forKey: .underline)
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse)
    }

    func overlay() throws -> StyleOverlay {
        StyleOverlay(
            foreground: try fg?.color(), background: try bg?.color(), bold: bold, dim: dim, italic: italic, underline: underline,
            reverse: reverse)
    }

    func style() throws -> CellStyle {
        CellStyle(
            foreground: try fg?.color() ?? .terminalDefault, background: try bg?.color() ?? .terminalDefault,
            bold: bold ?? false, dim: dim ?? false, italic: italic ?? false, underline: underline ?? false,
            reverse: reverse ?? false)
    }
}

/// A colour as written in a theme: a palette index 0–255, a colour name, `#rrggbb`, or "default".
private enum ColorValue: Decodable {
    case number(Int)
    case name(String)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .number(n)
        } else if let x = try? c.decode(Double.self) {
            let path = decoder.codingPath.map(\.stringValue)
            throw Theme.EntryError(path: path, attribute: path.last, message: "colour \(x) is not a whole number 0–255")
        } else {
            self = .name(try c.decode(String.self))
        }
    }

    func color() throws -> ThemeColor {
        switch self {
        case .number(let n):
            guard (0...255).contains(n) else { throw Theme.LoadError(description: "colour \(n) is not in 0–255") }
            return .index(UInt8(n))
        case .name(let name):
            if name == "default" { return .terminalDefault }
            if name.hasPrefix("#") {
                let hex = name.dropFirst()
                guard hex.count == 6, let value = UInt32(hex, radix: 16) else {
                    throw Theme.LoadError(description: "colour '\(name)' is not #rrggbb")
                }
                return .rgb(UInt8(value >> 16), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            }
            guard let index = ThemeColor.names[name.lowercased()] else {
                throw Theme.LoadError(description: "unknown colour '\(name)'")
            }
            return .index(index)
        }
    }
}
