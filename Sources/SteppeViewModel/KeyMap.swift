import SteppeCore

/// Key bindings as data: each says in which context which keys give which command.
/// The help screen and the status-bar hints are generated from it (their words from `Strings`),
/// so they cannot drift from the behaviour. Mouse buttons are bound here too.
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public var context: KeyContext
        public var keys: [KeyPress]
        public var command: Command
        /// Worth a hint in the status bar.
        public var isHinted: Bool

        public init(_ context: KeyContext, _ keys: [KeyPress], _ command: Command, hinted: Bool = false) {
            self.context = context
            self.keys = keys
            self.command = command
            isHinted = hinted
        }
    }

    public struct Hint: Sendable, Equatable {
        public var keys: String
        public var label: String
        public var command: Command
    }

    public var bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The command for a key: the context's own bindings first, then the global ones, which apply
    /// only in the panes (not while opening, nor where keys are text or answer a question).
    public func command(for key: KeyPress, in context: KeyContext) -> Command? {
        if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.command }
        if let base = context.extends, let b = bindings.first(where: { $0.context == base && $0.keys.contains(key) }) {
            return b.command
        }
        guard context.takesGlobalKeys else { return nil }
        return bindings.first(where: { $0.context == .global && $0.keys.contains(key) })?.command
    }

    public func bindings(in context: KeyContext) -> [Binding] { bindings.filter { $0.context == context } }

    /// How messages name the key for a command, as the reader has bound it: the first key of its
    /// binding in `context`, else in the global context; nil when no key gives it.
    public func keyName(for command: Command, in context: KeyContext = .global, strings: Strings) -> String? {
        let binding = bindings.first { $0.context == context && $0.command == command }
            ?? bindings.first { $0.context == .global && $0.command == command }
        return binding?.keys.first?.name(strings)
    }

    /// Status-bar hints for a context: its own, then the global ones that the context does not override.
    public func hints(in context: KeyContext, _ strings: Strings) -> [Hint] {
        // A context that extends another shows the other's keys too, less those it takes over.
        let ownKeys = Set(bindings(in: context).flatMap(\.keys))
        let inherited = (context.extends.map { bindings(in: $0) } ?? []).compactMap { binding -> Binding? in
            var binding = binding
            binding.keys.removeAll { ownKeys.contains($0) }
            return binding.keys.isEmpty ? nil : binding
        }
        let own = bindings(in: context) + inherited
        let global = context.takesGlobalKeys ? bindings(in: .global) : []
        return (own + global).filter(\.isHinted).map { b in
            Hint(
                keys: b.keys.prefix(2).map { $0.name(strings) }.joined(separator: "/"),
                label: strings.hint(b.command, in: b.context), command: b.command)
        }
    }

    public static let standard = KeyMap(bindings: [
        Binding(.global, [.char("Q"), .ctrl("c")], .quit),
        Binding(.global, [.tab], .focusNext, hinted: true),
        Binding(.global, [.backTab], .focusPrevious),
        Binding(.global, [.char("?")], .toggleHelp, hinted: true),
        Binding(.global, [.ctrl("l")], .redraw),
        Binding(.global, [.char("R")], .reloadArchive),
        Binding(.global, [.char("T")], .cycleTheme),
        Binding(.global, [.char("/")], .search, hinted: true),
        Binding(.article, [.char("/")], .findInArticle),
        Binding(.finding, [.enter], .acceptFind, hinted: true),
        Binding(.finding, [.escape, .ctrl("c")], .endFind, hinted: true),
        Binding(.found, [.char("n")], .nextMatch, hinted: true),
        Binding(.found, [.char("N")], .previousMatch, hinted: true),
        Binding(.found, [.escape], .endFind, hinted: true),
        Binding(.search, [.enter], .openResult, hinted: true),
        Binding(.search, [.up], .previousResult),
        Binding(.search, [.down], .nextResult),
        Binding(.search, [.pageUp], .previousResultPage),
        Binding(.search, [.pageDown], .nextResultPage),
        Binding(.search, [.escape, .ctrl("c")], .closeSearch, hinted: true),
        Binding(.search, [KeyPress(.click)], .pointerSelect),
        Binding(.search, [KeyPress(.wheelUp)], .pointerScrollUp),
        Binding(.search, [KeyPress(.wheelDown)], .pointerScrollDown),
        Binding(.global, [KeyPress(.click)], .pointerSelect),
        Binding(.global, [KeyPress(.wheelUp)], .pointerScrollUp),
        Binding(.global, [KeyPress(.wheelDown)], .pointerScrollDown),

        Binding(.menu, [.up, .char("k")], .moveUp),
        Binding(.menu, [.down, .char("j")], .moveDown),
        Binding(.menu, [.right, .char("l")], .expandOrEnter, hinted: true),
        Binding(.menu, [.left, .char("h")], .collapseOrLeave, hinted: true),
        Binding(.menu, [.enter], .open, hinted: true),
        Binding(.menu, [.pageDown, .char(" ")], .pageDown),
        Binding(.menu, [.pageUp, .char("b")], .pageUp),
        Binding(.menu, [.home, .char("g")], .top),
        Binding(.menu, [.end, .char("G")], .bottom),
        Binding(.menu, [.char("q")], .quit, hinted: true),

        Binding(.list, [.up, .char("k")], .moveUp),
        Binding(.list, [.down, .char("j")], .moveDown),
        Binding(.list, [.enter, .right, .char("l")], .open, hinted: true),
        Binding(.list, [.left, .char("h")], .collapseOrLeave, hinted: true),
        Binding(.list, [.pageDown, .char(" ")], .pageDown),
        Binding(.list, [.pageUp, .char("b")], .pageUp),
        Binding(.list, [.home, .char("g")], .top),
        Binding(.list, [.end, .char("G")], .bottom),
        Binding(.list, [.escape, .char("q")], .back, hinted: true),
        Binding(.list, [.char("o")], .openLink),
        Binding(.list, [.char("y")], .copyLink),
        Binding(.list, [.char("s")], .toggleBookmark, hinted: true),
        Binding(.list, [.char("m")], .toggleRead),
        Binding(.list, [.char("a")], .addNote),
        Binding(.list, [.char("L")], .editLabels),
        Binding(.list, [.char("d")], .removeBookmark),
        Binding(.list, [.char("u")], .undoRemoval),

        Binding(.article, [.down, .char("j")], .moveDown),
        Binding(.article, [.up, .char("k")], .moveUp),
        Binding(.article, [.pageDown, .char(" ")], .pageDown, hinted: true),
        Binding(.article, [.pageUp, .char("b")], .pageUp),
        Binding(.article, [.home, .char("g")], .top),
        Binding(.article, [.end, .char("G")], .bottom),
        Binding(.article, [.char("n")], .nextArticle, hinted: true),
        Binding(.article, [.char("p")], .previousArticle, hinted: true),
        Binding(.article, [.escape, .char("q"), .left, .char("h")], .back, hinted: true),
        Binding(.article, [.char("o")], .openLink, hinted: true),
        Binding(.article, [.char("y")], .copyLink, hinted: true),
        Binding(.article, [.char("s")], .toggleBookmark, hinted: true),
        Binding(.article, [.char("m")], .toggleRead),
        Binding(.article, [.char("L")], .editLabels),
        Binding(.article, [.char("]")], .nextParagraph, hinted: true),
        Binding(.article, [.char("[")], .previousParagraph),
        Binding(.article, [.char("a")], .addNote, hinted: true),
        Binding(.article, [.char("v")], .selectWords),
        Binding(.article, [.char("e")], .editNote),
        Binding(.article, [.char("E")], .editNoteExternally),
        Binding(.article, [.char("x")], .deleteNote),
        Binding(.article, [.char("A")], .toggleNotes),

        Binding(.selecting, [.right, .char("l"), .char("w")], .selectionForward, hinted: true),
        Binding(.selecting, [.left, .char("h"), .char("b")], .selectionBackward),
        Binding(.selecting, [.home, .char("0")], .selectionToStart),
        Binding(.selecting, [.end, .char("$")], .selectionToEnd),
        Binding(.selecting, [.char("v")], .selectWords),
        Binding(.selecting, [.char("a"), .enter], .addNote, hinted: true),
        Binding(.selecting, [.escape, .char("q")], .cancelSelection, hinted: true),

        Binding(.editor, [.ctrl("s"), .escape], .saveNote, hinted: true),
        Binding(.editor, [.ctrl("c")], .discardNote, hinted: true),

        Binding(.prompt, [.enter], .confirm, hinted: true),
        Binding(.prompt, [.escape, .ctrl("c")], .cancel, hinted: true),

        Binding(.confirm, [.char("y")], .confirm, hinted: true),
        Binding(.confirm, [.char("n"), .escape, .ctrl("c")], .cancel, hinted: true),

        Binding(.help, [.down, .char("j")], .moveDown),
        Binding(.help, [.up, .char("k")], .moveUp),
        Binding(.help, [.pageDown, .char(" ")], .pageDown),
        Binding(.help, [.pageUp, .char("b")], .pageUp),
        Binding(.help, [.home, .char("g")], .top),
        Binding(.help, [.end, .char("G")], .bottom),
        Binding(.help, [KeyPress(.wheelUp)], .pointerScrollUp),
        Binding(.help, [KeyPress(.wheelDown)], .pointerScrollDown),
        Binding(.help, [.escape, .char("q"), .char("?")], .toggleHelp, hinted: true),
        Binding(.help, [.char("Q"), .ctrl("c")], .quit, hinted: true),

        Binding(.opening, [.char("q"), .char("Q"), .ctrl("c")], .quit, hinted: true),
    ])
}
