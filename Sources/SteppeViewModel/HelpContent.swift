/// The help screen's text, generated from the key map.
public enum HelpContent {
    public enum Line: Sendable, Equatable {
        case title(String)
        case binding(keys: String, help: String)
        case blank
    }

    public static func lines(for keyMap: KeyMap) -> [Line] {
        var lines: [Line] = []
        for context in [KeyContext.global, .menu, .list, .article, .help] {
            let bindings = keyMap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.title(context.title))
            for binding in bindings {
                lines.append(.binding(keys: binding.keys.map(\.description).joined(separator: " "), help: binding.help))
            }
        }
        lines.append(.blank)
        lines.append(.binding(keys: "Mouse", help: "A click selects (a second click opens); the wheel scrolls"))
        return lines
    }
}
