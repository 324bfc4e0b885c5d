import SteppeCore

/// The help screen's text, generated from the key map.
public enum HelpContent {
    public enum Line: Sendable, Equatable {
        case title(String)
        case binding(keys: String, help: String)
        case blank
    }

    public static func lines(for keyMap: KeyMap, _ strings: Strings) -> [Line] {
        var lines: [Line] = []
        for context in KeyContext.allCases {
            let bindings = keyMap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.title(strings.title(context)))
            for binding in bindings {
                lines.append(
                    .binding(
                        keys: binding.keys.map { $0.name(strings) }.joined(separator: " "),
                        help: strings.help(binding.command, in: context)))
            }
        }
        return lines
    }
}
