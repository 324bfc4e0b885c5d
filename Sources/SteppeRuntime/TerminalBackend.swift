import SteppeRendering
import SteppeViewModel

/// What the main loop needs of a terminal: its size, its input, and a way to show a frame.
///
/// The ncurses terminal is one; `MemoryTerminal` is another, so the loop is tested without a TTY.
@MainActor
public protocol TerminalBackend: AnyObject {
    var size: Size { get }

    /// The next input, waiting up to `timeout` milliseconds (forever when nil). Returns nil on a
    /// timeout, and as soon as `wakeup` is signalled, so that background results are drawn at once.
    func nextEvent(timeout: Int?, wakeup: Wakeup) -> InputEvent?

    /// Shows a frame; a backend may send only what changed since the last one.
    func draw(_ grid: Grid)

    /// Draws with this theme from the next frame on.
    func apply(_ theme: Theme)

    /// Forgets what is on screen, so that the next `draw` sends every cell (Ctrl-L).
    func invalidate()

    /// Puts text on the clipboard of the terminal (or of the terminal the user runs it in).
    func copyToClipboard(_ text: String)

    /// Gives the terminal to another program (an editor) while `body` runs, then takes it back;
    /// the next frame is drawn whole.
    func suspend(while body: () -> Void)
}
