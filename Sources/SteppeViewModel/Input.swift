import SteppeCore

/// A key, as the terminal backend reports it. Key codes never leave the backend; this is what they become.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case enter, tab, escape, backspace, delete, insert
    case pageUp, pageDown, home, end
    case function(Int)
    /// Mouse buttons, so that the key map binds them like keys (and the help screen lists them).
    case click, wheelUp, wheelDown
}

/// Modifier keys held with a key, where the terminal reports them.
public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let control = Modifiers(rawValue: 4)

    /// The xterm encoding of modifiers in `CSI 1 ; m X`: m − 1 is a bit set of shift, alt and control.
    public init(xtermParameter m: Int) {
        self.init(rawValue: UInt8(clamping: max(0, m - 1) & 7))
    }
}

/// A key with its modifiers: what the key map binds and the text input reads.
public struct KeyPress: Sendable, Hashable {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public static func char(_ c: Character) -> KeyPress { KeyPress(.character(c)) }
    public static func ctrl(_ c: Character) -> KeyPress { KeyPress(.character(c), .control) }
    public static func alt(_ c: Character) -> KeyPress { KeyPress(.character(c), .alt) }

    public static let up = KeyPress(.up), down = KeyPress(.down), left = KeyPress(.left), right = KeyPress(.right)
    public static let enter = KeyPress(.enter), tab = KeyPress(.tab), backTab = KeyPress(.tab, .shift)
    public static let escape = KeyPress(.escape), backspace = KeyPress(.backspace), delete = KeyPress(.delete)
    public static let pageUp = KeyPress(.pageUp), pageDown = KeyPress(.pageDown)
    public static let home = KeyPress(.home), end = KeyPress(.end)

    /// How the help screen and the status bar write the key: `Ctrl-L`, `Shift-Tab`, `Alt-→`, `Space`.
    public func name(_ strings: Strings) -> String { written(strings: strings) }

    /// The key's name: for people (arrows, the interface's words) with `strings`, else in the ASCII
    /// names config.toml reads.
    func written(strings: Strings?) -> String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "Ctrl-" }
        if modifiers.contains(.alt) { prefix += "Alt-" }
        if modifiers.contains(.shift) { prefix += "Shift-" }
        let base: String
        switch key {
        case .character(" "): base = strings?.keySpace ?? "Space"
        case .character(let c): base = modifiers.contains(.control) ? String(c).uppercased() : String(c)
        case .up: base = strings == nil ? "Up" : "↑"
        case .down: base = strings == nil ? "Down" : "↓"
        case .left: base = strings == nil ? "Left" : "←"
        case .right: base = strings == nil ? "Right" : "→"
        case .enter: base = "Enter"
        case .tab: base = "Tab"
        case .escape: base = "Esc"
        case .backspace: base = "Backspace"
        case .delete: base = "Delete"
        case .insert: base = "Insert"
        case .pageUp: base = "PgUp"
        case .pageDown: base = "PgDn"
        case .home: base = "Home"
        case .end: base = "End"
        case .function(let n): base = "F\(n)"
        case .click: base = strings?.keyMouseClick ?? "Click"
        case .wheelUp: base = strings.map { $0.keyWheel + " ↑" } ?? "WheelUp"
        case .wheelDown: base = strings.map { $0.keyWheel + " ↓" } ?? "WheelDown"
        }
        return prefix + base
    }
}

public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case press, wheelUp, wheelDown }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// The key the key map knows this event by.
    public var key: Key {
        switch kind {
        case .press: .click
        case .wheelUp: .wheelUp
        case .wheelDown: .wheelDown
        }
    }
}

/// Everything the terminal can tell the program.
public enum InputEvent: Sendable, Equatable {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resize(Size)
    /// Text pasted with bracketed paste: arrives whole, never read as keys.
    case paste(String)
    /// The terminal went away (its window closed without a hang-up signal): no input will come.
    case closed
}
