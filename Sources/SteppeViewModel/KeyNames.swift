import SteppeCore

/// Keys and commands as config.toml writes them: `"Ctrl-L"`, `"Shift-Tab"`, `"PgDn"`, `"j"`;
/// `move-down`, `toggle-bookmark`.
extension KeyPress {
    private static let namedKeys: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "enter": .enter, "return": .enter, "tab": .tab,
        "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete,
        "insert": .insert, "ins": .insert, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "space": .character(" "), "click": .click, "wheelup": .wheelUp,
        "wheeldown": .wheelDown, "↑": .up, "↓": .down, "←": .left, "→": .right,
    ]

    /// A key written the way `configName` writes it; names are read without regard to case, a single
    /// character as it is.
    public init?(configName text: String) {
        var rest = Substring(text)
        var modifiers: Modifiers = []
        while let dash = rest.firstIndex(of: "-"), dash != rest.startIndex, rest.index(after: dash) != rest.endIndex {
            switch rest[..<dash].lowercased() {
            case "ctrl", "control": modifiers.insert(.control)
            case "alt", "meta": modifiers.insert(.alt)
            case "shift": modifiers.insert(.shift)
            default: return nil
            }
            rest = rest[rest.index(after: dash)...]
        }
        let key: Key
        if rest.count == 1, let c = rest.first {
            guard !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
            key = .character(modifiers.contains(.control) ? Character(c.lowercased()) : c)
        } else if let named = KeyPress.namedKeys[rest.lowercased()] {
            key = named
        } else if rest.lowercased().hasPrefix("f"), let n = Int(rest.dropFirst()), (1...24).contains(n) {
            key = .function(n)
        } else {
            return nil
        }
        self.init(key, modifiers)
    }

    /// The key as config.toml writes it: ASCII names, so a file can be typed on any keyboard.
    public var configName: String { written(strings: nil) }
}

extension Command {
    /// `moveDown` as `move-down`.
    public var configName: String {
        var name = ""
        for c in rawValue {
            if c.isUppercase {
                name += "-" + c.lowercased()
            } else {
                name.append(c)
            }
        }
        return name
    }

    public init?(configName: String) {
        guard let command = Command.allCases.first(where: { $0.configName == configName }) else { return nil }
        self = command
    }
}

extension KeyMap {
    /// A command given keys of the reader's choosing in one context; `line` is where the file says so.
    public struct Rebinding: Sendable, Equatable {
        public var context: KeyContext
        public var command: Command
        public var keys: [KeyPress]
        public var line: Int?

        public init(context: KeyContext, command: Command, keys: [KeyPress], line: Int? = nil) {
            self.context = context
            self.command = command
            self.keys = keys
            self.line = line
        }
    }

    /// Two rebindings in one context that claim the same key; the first keeps it.
    public struct Conflict: Sendable, Equatable {
        public var context: KeyContext
        public var key: KeyPress
        public var kept: Rebinding
        public var refused: Rebinding
    }

    /// Contexts whose keys a reader may choose (`opening` only queues keys for later).
    public static let configurableContexts: [KeyContext] = KeyContext.allCases.filter { $0 != .opening }

    /// This map with each rebinding's keys replacing the command's own in its context. A key the reader
    /// gives a command is taken from whatever else had it there, so the reader's choice always wins.
    public func applying(_ rebindings: [Rebinding]) -> (map: KeyMap, conflicts: [Conflict]) {
        var map = self
        var conflicts: [Conflict] = []
        var claimed: [KeyContext: [KeyPress: Rebinding]] = [:]
        for var rebinding in rebindings {
            let asked = rebinding.keys
            rebinding.keys = rebinding.keys.filter { key in
                if let earlier = claimed[rebinding.context]?[key], earlier.command != rebinding.command {
                    conflicts.append(Conflict(context: rebinding.context, key: key, kept: earlier, refused: rebinding))
                    return false
                }
                return true
            }
            // Every key it asked for went to another command: it keeps its own instead of none.
            if !asked.isEmpty, rebinding.keys.isEmpty { continue }
            for key in rebinding.keys { claimed[rebinding.context, default: [:]][key] = rebinding }
            let hinted = map.bindings.contains { $0.context == rebinding.context && $0.command == rebinding.command && $0.isHinted }
            let position = map.bindings.firstIndex { $0.context == rebinding.context && $0.command == rebinding.command }
            map.bindings.removeAll { $0.context == rebinding.context && $0.command == rebinding.command }
            for i in map.bindings.indices where map.bindings[i].context == rebinding.context {
                map.bindings[i].keys.removeAll { rebinding.keys.contains($0) }
            }
            if !rebinding.keys.isEmpty {
                let binding = Binding(rebinding.context, rebinding.keys, rebinding.command, hinted: hinted)
                map.bindings.insert(binding, at: min(position ?? map.bindings.endIndex, map.bindings.endIndex))
            }
        }
        map.bindings.removeAll { $0.keys.isEmpty }
        return (map, conflicts)
    }
}

extension KeyContext {
    /// Keys not bound here type text.
    public var isTextEntry: Bool { self == .search || self == .editor || self == .prompt || self == .finding }
}

extension KeyPress {
    /// A key that types or edits the text where text is typed in `context`: bound to a command
    /// there, it could no longer do that (Backspace, ←, Ctrl-W in a field; Enter, Tab in the note
    /// editor). Enter and Esc of a one-line field submit and cancel, which commands may take over.
    public func editsText(in context: KeyContext) -> Bool {
        guard context.isTextEntry else { return false }
        // A character without Ctrl or Alt is typed.
        if case .character = key, modifiers.isDisjoint(with: [.control, .alt]) { return true }
        if context == .editor {
            // A cursor in the middle of a middle line, so that every movement does something.
            var editor = TextEditor("ab cd\nef gh\nij kl", width: 40)
            for key in [KeyPress.up, .left, .left] { _ = editor.reduce(key) }
            return editor.reduce(self) != .ignored
        }
        var field = TextField("ab cd")
        for key in [KeyPress.left, .left] { _ = field.reduce(key) }
        switch field.reduce(self) {
        case .edited, .moved: return true
        case .submitted, .cancelled, .ignored: return false
        }
    }

    /// Whether a terminal can send this key as itself. Ctrl with anything but a letter is not told
    /// apart (or not sent); Ctrl-H, I, J and M arrive as Backspace, Tab and Enter; Ctrl-Z suspends;
    /// Shift with a character arrives as the capital letter.
    public var isSendable: Bool {
        guard case .character(let c) = key else { return true }
        if modifiers.contains(.shift) { return false }
        guard modifiers.contains(.control) else { return true }
        guard c.isASCII, c.isLetter else { return false }
        return !"hijmz".contains(Character(c.lowercased()))
    }
}

extension KeyMap {
    /// Commands a context cannot do without: without a key for them it cannot be left.
    public static let essentials: [(context: KeyContext, command: Command)] = [
        (.global, .quit), (.global, .toggleHelp), (.help, .toggleHelp), (.editor, .saveNote), (.editor, .discardNote),
        (.prompt, .confirm), (.prompt, .cancel), (.confirm, .confirm), (.confirm, .cancel), (.search, .closeSearch),
        (.finding, .endFind), (.found, .endFind), (.selecting, .cancelSelection),
    ]

    /// What a context can do: its own commands in the standard map, those of the context it extends,
    /// and the global ones where global keys apply.
    public static func commands(usableIn context: KeyContext) -> Set<Command> {
        var commands = Set(standard.bindings(in: context).map(\.command))
        if let base = context.extends { commands.formUnion(standard.bindings(in: base).map(\.command)) }
        if context.takesGlobalKeys { commands.formUnion(standard.bindings(in: .global).map(\.command)) }
        return commands
    }

    /// The contexts a command does something in, for a message.
    public static func contexts(using command: Command) -> [KeyContext] {
        configurableContexts.filter { standard.bindings(in: $0).contains { $0.command == command } }
    }
}
