/// Key bindings as data: each says in which context which keys give which command, and how to describe it.
/// The help screen and the status-bar hints are generated from it, so they cannot drift from the behaviour.
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public var context: KeyContext
        public var keys: [Key]
        public var command: Command
        public var help: String
        /// A short label for the status bar, when the binding is worth a hint there.
        public var hint: String?

        public init(_ context: KeyContext, _ keys: [Key], _ command: Command, _ help: String, hint: String? = nil) {
            self.context = context
            self.keys = keys
            self.command = command
            self.help = help
            self.hint = hint
        }
    }

    public var bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The command for a key: the context's own bindings first, then the global ones.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.command }
        if context == .help { return nil }
        return bindings.first(where: { $0.context == .global && $0.keys.contains(key) })?.command
    }

    public func bindings(in context: KeyContext) -> [Binding] { bindings.filter { $0.context == context } }

    /// Status-bar hints for a context: its own, then the global ones.
    public func hints(in context: KeyContext) -> [(keys: String, label: String, command: Command)] {
        let own = bindings(in: context)
        let global = context == .help ? [] : bindings(in: .global)
        return (own + global).compactMap { b in
            b.hint.map { (b.keys.prefix(2).map(\.description).joined(separator: "/"), $0, b.command) }
        }
    }

    public static let standard = KeyMap(bindings: [
        Binding(.global, [.character("Q")], .quit, "Quit Steppe", hint: nil),
        Binding(.global, [.tab], .focusNext, "Focus the next pane", hint: "pane"),
        Binding(.global, [.backTab], .focusPrevious, "Focus the previous pane"),
        Binding(.global, [.character("?")], .toggleHelp, "Show or hide this help", hint: "help"),

        Binding(.menu, [.up, .character("k")], .moveUp, "Previous menu entry"),
        Binding(.menu, [.down, .character("j")], .moveDown, "Next menu entry", hint: nil),
        Binding(.menu, [.right, .character("l")], .expandOrEnter, "Expand a group, or go to the article list",
                hint: "expand"),
        Binding(.menu, [.left, .character("h")], .collapseOrLeave, "Collapse a group, or go to its parent",
                hint: "collapse"),
        Binding(.menu, [.enter], .open, "Show the entry's articles", hint: "articles"),
        Binding(.menu, [.pageDown, .character(" ")], .pageDown, "Page down"),
        Binding(.menu, [.pageUp, .character("b")], .pageUp, "Page up"),
        Binding(.menu, [.home, .character("g")], .top, "First entry"),
        Binding(.menu, [.end, .character("G")], .bottom, "Last entry"),
        Binding(.menu, [.character("q")], .quit, "Quit (the menu is the top level)", hint: "quit"),

        Binding(.list, [.up, .character("k")], .moveUp, "Previous article"),
        Binding(.list, [.down, .character("j")], .moveDown, "Next article"),
        Binding(.list, [.enter, .right, .character("l")], .open, "Open the article", hint: "open"),
        Binding(.list, [.left, .character("h")], .collapseOrLeave, "Back to the menu", hint: "menu"),
        Binding(.list, [.pageDown, .character(" ")], .pageDown, "Page down"),
        Binding(.list, [.pageUp, .character("b")], .pageUp, "Page up"),
        Binding(.list, [.home, .character("g")], .top, "Newest article"),
        Binding(.list, [.end, .character("G")], .bottom, "Oldest article"),
        Binding(.list, [.escape, .character("q")], .back, "Back to the menu", hint: "back"),

        Binding(.article, [.down, .character("j")], .moveDown, "Scroll down a line"),
        Binding(.article, [.up, .character("k")], .moveUp, "Scroll up a line"),
        Binding(.article, [.character(" "), .pageDown], .pageDown, "Page down", hint: "page"),
        Binding(.article, [.character("b"), .pageUp], .pageUp, "Page up"),
        Binding(.article, [.character("g"), .home], .top, "Go to the top"),
        Binding(.article, [.character("G"), .end], .bottom, "Go to the end"),
        Binding(.article, [.character("n")], .nextArticle, "Open the next article of the list", hint: "next"),
        Binding(.article, [.character("p")], .previousArticle, "Open the previous article of the list",
                hint: "prev"),
        Binding(.article, [.escape, .character("q"), .left, .character("h")], .back, "Close the article",
                hint: "back"),

        Binding(.help, [.down, .character("j")], .moveDown, "Scroll down"),
        Binding(.help, [.up, .character("k")], .moveUp, "Scroll up"),
        Binding(.help, [.character(" "), .pageDown], .pageDown, "Page down"),
        Binding(.help, [.character("b"), .pageUp], .pageUp, "Page up"),
        Binding(.help, [.escape, .character("q"), .character("?")], .toggleHelp, "Close the help", hint: "close"),
        Binding(.help, [.character("Q")], .quit, "Quit Steppe", hint: "quit"),
    ])
}
