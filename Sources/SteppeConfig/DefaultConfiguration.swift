import SteppeCore
import SteppeViewModel

extension Configuration {
    /// The commented configuration `steppe config --default` prints: every setting at its default,
    /// made from the same values steppe uses, so it cannot drift from them.
    public static func defaultText() -> String {
        let p = Preferences.standard
        var text = """
            # steppe configuration: $XDG_CONFIG_HOME/steppe/config.toml (~/.config/steppe/config.toml).
            # Every setting is optional: leave out what you do not change. A mistake is reported, on
            # screen and by `steppe config --check`, and that setting keeps its default.

            # The archive opened when none is given with --archive; "" for the standard place
            # ($XDG_DATA_HOME/steppe/archive, else the bundled sample).
            archive = ""

            # A theme: bundled, or a file of that name in $XDG_CONFIG_HOME/steppe/themes/ (.json).
            # `steppe themes` lists them; T cycles through them in the reader.
            theme = "default"

            # Interface language: "auto" (from LANGUAGE, LC_ALL, LC_MESSAGES, LANG), "en" or "ru".
            language = "auto"

            # Dates in lists: %Y year, %y two-digit year, %m month, %d day, %e day without a leading
            # zero, %b short month name, %B month name, %% a percent sign. E.g. "%e %b %Y".
            date-format = "\(p.dateFormat.pattern)"

            # Click to select, click again or double-click to open, wheel to scroll.
            mouse = \(p.mouse)

            [layout]
            # "auto" (side by side from wide-from columns, stacked below), "side-by-side" or "stacked".
            arrangement = "\(p.arrangement.rawValue)"
            wide-from = \(p.wideFrom)
            # From this width the list stays beside an open article.
            three-columns-from = \(p.threeColumnsFrom)
            # Columns; 0 sizes the menu to the screen (a quarter of it, 26 to 44 columns).
            menu-width = \(p.menuWidth)
            # The list's share of the room right of the menu when an article is beside it (20 to 80).
            list-percent = \(p.listPercent)
            # The longest line of article text, centred in its pane; 0 fills the pane.
            reading-width = \(p.readingWidth)

            # Keys: [keys.CONTEXT] tables of command = "key" or ["key", "key"]. A command given keys
            # here loses its default keys in that context; a key given here is taken from any other
            # command of the context. An empty list [] unbinds a command. Keys are written as below:
            # letters as typed (j, G, ?), Ctrl-L, Alt-x, Shift-Tab, Enter, Esc, Tab, Space, Backspace,
            # Delete, Insert, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1 to F24, Click,
            # WheelUp, WheelDown.
            # Keys of the global context work in the menu, the list and the article unless the pane
            # binds the key itself.

            """
        for context in KeyMap.configurableContexts {
            let bindings = KeyMap.standard.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            text += "\n[keys.\(context.rawValue)]\n"
            for binding in bindings {
                let keys = binding.keys.map { "\"" + escape($0.configName) + "\"" }
                let value = keys.count == 1 ? keys[0] : "[" + keys.joined(separator: ", ") + "]"
                text += "\(binding.command.configName) = \(value)\n"
            }
        }
        return text
    }

    private static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
