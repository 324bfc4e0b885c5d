import CNCursesW
import CTerminalGuard
import Foundation
import SteppeCore
import SteppeRendering
import SteppeRuntime
import SteppeViewModel

/// Why the terminal could not be taken over.
public enum TerminalError: Error {
    case notATerminal
    case unknownTerminal(String)
    case cannotAddressCursor(String)

    public func message(_ strings: Strings) -> String {
        switch self {
        case .notATerminal: strings.needsTerminal
        case .unknownTerminal(let term): strings.unknownTerminal(term)
        case .cannotAddressCursor(let term): strings.cannotAddressCursor(term)
        }
    }
}

/// The ncurses backend: the only code that calls curses.
///
/// Turns curses input into `InputEvent`s and draws `Grid`s, sending only the rows that changed.
/// The terminal is restored by `stop()`, and by the signal guard if the process dies first.
@MainActor
public final class CursesTerminal: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Grid?
    private struct StyleKey: Hashable {
        var role: StyleRole
        var modifiers: StyleModifiers
    }

    /// Curses attributes and colour pair of each role and modifiers seen so far.
    private var styles: [StyleKey: (attributes: attr_t, pair: Int16)] = [:]
    /// The theme as this terminal can show it, and the colour pairs made for it.
    private var shown = Theme.monochrome
    private var pairs: [CellStyle: Int16] = [:]
    private var isStopped = false
    public let colorCount: Int

    /// Takes over the terminal. `theme` decides the look; without `color`, only attributes are used;
    /// without `mouse`, the terminal keeps its own use of the mouse (selecting text).
    public init(theme: Theme, color: Bool, mouse: Bool = true) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        // Handlers go in before curses starts, so that ours (which also restore on SIGHUP) are the ones used.
        _ = steppe_guard_save()
        steppe_guard_install()
        guard let screen = newterm(nil, steppe_stdout(), steppe_stdin()) else {
            throw .unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(screen)
        // A terminal that cannot move its cursor (TERM=dumb, a printing terminal) would scroll every frame away.
        guard steppe_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw .cannotAddressCursor(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        steppe_guard_set_active(1)
        steppe_guard_install_suspend()
        guard let window = steppe_stdscr() else { throw .unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "") }
        self.window = window
        cbreak()
        Self.disableFlowControl()
        // Curses brings back its saved "program mode" after Ctrl-Z; save the settings above into it.
        def_prog_mode()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if mouse {
            mouseinterval(0)
            mousemask(steppe_button1_pressed() | steppe_button4_pressed() | steppe_button5_pressed(), nil)
        }
        var colors = 0
        if color && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(steppe_colors())
        }
        colorCount = colors
        prepareStyles(theme)
        // Bracketed paste: pasted text arrives marked, so it is never taken for keys.
        sendControl("\u{1B}[?2004h")
    }

    /// Ctrl-S would otherwise freeze the output (and with it the whole reader) until Ctrl-Q, and
    /// Ctrl-C would kill it, with a note half written: both become keys, which the key map binds
    /// (Ctrl-S saves a note, Ctrl-C quits or discards). Ctrl-Z and Ctrl-\ keep their signals.
    /// Curses restores the original settings when it ends.
    private static func disableFlowControl() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_iflag &= ~tcflag_t(IXON)
        // _POSIX_VDISABLE, which is 0 on Linux.
        withUnsafeMutableBytes(of: &settings.c_cc) { $0[Int(VINTR)] = 0 }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    private func sendControl(_ sequence: String) {
        fflush(steppe_stdout())
        _ = sequence.utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Reduces the theme to what the terminal shows; each role's curses style is made when first drawn.
    private func prepareStyles(_ theme: Theme) {
        // `#rrggbb` stays itself on a direct-colour terminal and becomes the nearest palette colour elsewhere.
        shown = colorCount == 0 ? theme.withoutColor : theme.reduced(toColors: colorCount < 256 ? min(colorCount, 16) : colorCount)
        styles = [:]
        pairs = [:]
    }

    private func cursesStyle(_ key: StyleKey) -> (attributes: attr_t, pair: Int16) {
        if let known = styles[key] { return known }
        let style = shown.style(for: key.role, modifiers: key.modifiers)
        var attributes = steppe_a_normal()
        if style.bold { attributes |= steppe_a_bold() }
        if style.dim { attributes |= steppe_a_dim() }
        if style.italic { attributes |= steppe_a_italic() }
        if style.underline { attributes |= steppe_a_underline() }
        if style.reverse { attributes |= steppe_a_reverse() }
        var pair: Int16 = 0
        if colorCount > 0, style.foreground != .terminalDefault || style.background != .terminalDefault {
            let colours = CellStyle(foreground: style.foreground, background: style.background)
            if let known = pairs[colours] {
                pair = known
            } else if pairs.count + 1 < min(Int(steppe_color_pairs()), Int(Int16.max)) {
                pair = Int16(pairs.count + 1)
                init_extended_pair(Int32(pair), Self.curses(style.foreground), Self.curses(style.background))
                pairs[colours] = pair
            }
        }
        styles[key] = (attributes, pair)
        return (attributes, pair)
    }

    private static func curses(_ color: ThemeColor) -> Int32 {
        switch color {
        case .terminalDefault: -1
        case .index(let i): Int32(i)
        // Direct colour: the colour number is the 24-bit value itself.
        case .rgb(let r, let g, let b): Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }

    /// The colours the terminal on `fd` has, as terminfo says for `$TERM`, without taking it over
    /// (0 when it has none or its type is unknown): what `steppe themes` may show.
    public static func colorsOfTerminal(on fd: Int32) -> Int {
        max(0, Int(steppe_terminfo_colors(fd)))
    }

    /// Draws with another theme from the next frame on (`T`).
    public func apply(_ theme: Theme) {
        prepareStyles(theme)
        invalidate()
    }

    /// Draws a frame. Only rows that differ from the last frame are sent to curses.
    public func draw(_ grid: Grid) {
        if previous?.size != grid.size { wclear(window) }
        var text = [wchar_t](repeating: 0, count: 16)
        for y in grid.changedRows(since: previous) {
            for x in 0..<grid.size.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let style = cursesStyle(StyleKey(role: cell.role, modifiers: cell.modifiers))
                var count = 0
                for scalar in cell.character.unicodeScalars where count < text.count - 1 {
                    text[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                text[count] = 0
                _ = steppe_put_cell(Int32(y), Int32(x), text, style.attributes, style.pair)
            }
        }
        previous = grid
        wrefresh(window)
    }

    /// OSC 52: terminals that allow it (and tmux with set-clipboard) put the text on the system clipboard.
    public func copyToClipboard(_ text: String) {
        let encoded = Data(VisibleText.escape(text).utf8).base64EncodedString()
        sendControl("\u{1B}]52;c;\(encoded)\u{07}")
    }

    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Waits for input together with `wakeup`: up to `timeout` milliseconds, or indefinitely when nil.
    public func nextEvent(timeout: Int?, wakeup: Wakeup) -> InputEvent? {
        // From the first wait on, SIGTERM, SIGHUP and SIGINT ask the loop to quit, so a note being written
        // is saved; the process still dies of the signal once the loop is done (`finishTermination`).
        steppe_guard_quit_gracefully(wakeup.signalDescriptor)
        if steppe_guard_termination() != 0 { return .closed }
        if let event = pushedBack {
            pushedBack = nil
            return event
        }
        if steppe_guard_take_resumed() != 0 {
            // Back from Ctrl-Z: the terminal may have been used and resized meanwhile.
            repaintLast()
            return .resize(size)
        }
        // Curses may hold input it has read already (the rest of a burst); take that first.
        if case .event(let event) = readKey(wait: 0) { return event }
        if timeout == 0 { return nil }
        let ready = wakeup.wait(milliseconds: timeout, alongside: STDIN_FILENO)
        if ready.woken { return nil }
        switch ready.other {
        case .closed:
            return .closed
        case .readable:
            switch readKey(wait: 0) {
            case .event(let event):
                return event
            case .ignored:
                return nil
            case .nothing:
                return endOfInput(wakeup) ? .closed : nil
            }
        case .quiet:
            // A timeout, or a signal (a resize arrives as SIGWINCH, which curses turns into KEY_RESIZE).
            if case .event(let event) = readKey(wait: 0) { return event }
            return nil
        }
    }

    /// Readable, yet curses had nothing: either it dropped a stray byte (a Latin-1 é), or input has
    /// ended (the terminal is gone). The end of input stays readable however often it is read, so ask
    /// again at once a few times; a stray byte is gone after the first.
    private func endOfInput(_ wakeup: Wakeup) -> Bool {
        for _ in 0..<8 {
            let again = wakeup.wait(milliseconds: 0, alongside: STDIN_FILENO)
            switch again.other {
            case .closed: return true
            case .quiet: return false
            case .readable:
                switch readKey(wait: 0) {
                case .nothing: continue
                case .event(let event):
                    pushedBack = event
                    return false
                case .ignored: return false
                }
            }
        }
        return true
    }

    /// An event read while checking for the end of input, handed out next.
    private var pushedBack: InputEvent?

    private enum Read {
        case event(InputEvent)
        /// Input was read but means nothing (an unknown sequence).
        case ignored
        /// Curses had nothing.
        case nothing
    }

    private func readKey(wait milliseconds: Int32) -> Read {
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return .nothing }
        let event: InputEvent?
        if result == steppe_key_code_yes() {
            event = functionKey(Int32(value))
        } else if value == 27 {
            event = escape()
        } else {
            event = Self.character(value).map { .key($0) }
        }
        return event.map(Read.event) ?? .ignored
    }

    /// Sends the last frame again, whole.
    private func repaintLast() {
        guard let last = previous else { return }
        previous = nil
        clearok(window, true)
        if last.size == size { draw(last) }
    }

    /// A character read from the terminal as a key: Tab, Enter, Backspace and Ctrl-letters by their codes.
    private static func character(_ value: wint_t) -> KeyPress? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        default:
            guard value >= 32, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// After an Esc: a sequence the terminal description did not list, pasted text, Alt with a key
    /// (which the reducer reads as Esc then the key where Alt means nothing), or Esc alone.
    private func escape() -> InputEvent? {
        wtimeout(window, 0)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return .key(.escape) }
        if result == steppe_key_code_yes() {
            // Esc typed just before an arrow or another key that curses decoded.
            guard case .key(var key)? = functionKey(Int32(value)) else {
                ungetch(Int32(value))
                return .key(.escape)
            }
            key.modifiers.insert(.alt)
            return .key(key)
        }
        if value == 27 {
            unget_wch(wchar_t(bitPattern: 27))
            return .key(.escape)
        }
        // OSC, DCS, APC, PM and SOS strings are terminal reports, never keys: skip them whole.
        if [0x5D, 0x50, 0x5F, 0x5E, 0x58].contains(value) {
            skipControlString()
            return nil
        }
        guard value == 0x5B || value == 0x4F, let first = Unicode.Scalar(UInt32(value)) else {
            guard var key = Self.character(value) else { return .key(.escape) }
            key.modifiers.insert(.alt)
            return .key(key)
        }
        // The rest of a sequence may lag behind its start on a slow link; wait a little for it.
        var rest: [Character] = [Character(first)]
        while rest.count < 64, !EscapeSequence.isComplete(rest), let c = rawCharacter(wait: 30) { rest.append(c) }
        switch EscapeSequence.parse(rest) {
        case .key(let key): return .key(key)
        case .pasteStart: return .paste(readPaste())
        case .pasteEnd, .unknown: return nil
        }
    }

    /// Pasted text up to the end marker, read raw: with key decoding off, an arrow's bytes inside
    /// the paste are text, not a key that ends it. A pause does not end it either (terminals send
    /// large pastes in pieces); only the marker, or two seconds without a byte, does. Past a million
    /// characters the rest is read and dropped, never taken for keys.
    private func readPaste() -> String {
        keypad(window, false)
        defer { keypad(window, true) }
        var text: [Character] = []
        var tail: [Character] = []
        let end = EscapeSequence.pasteEnd
        var lastByte = DispatchTime.now().uptimeNanoseconds
        while DispatchTime.now().uptimeNanoseconds - lastByte < 2_000_000_000 {
            guard let c = rawCharacter(wait: 100) else { continue }
            lastByte = DispatchTime.now().uptimeNanoseconds
            tail.append(c)
            if tail.count > end.count { tail.removeFirst() }
            if text.count < 1_000_000 { text.append(c) }
            if tail == end {
                if text.count >= end.count && Array(text.suffix(end.count)) == end { text.removeLast(end.count) }
                break
            }
        }
        return String(text)
    }

    /// Reads up to the end of a control string (BEL, or Esc \\), bounded.
    private func skipControlString() {
        var previous: Character?
        var count = 0
        while count < 65_536, let c = rawCharacter(wait: 30) {
            if c == "\u{07}" || (previous == "\u{1B}" && c == "\\") { return }
            previous = c
            count += 1
        }
    }

    private func rawCharacter(wait milliseconds: Int32) -> Character? {
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        guard result != ERR, result != steppe_key_code_yes(), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        return Character(scalar)
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(KeyPress(.insert))
        case KEY_SLEFT: return .key(KeyPress(.left, .shift))
        case KEY_SRIGHT: return .key(KeyPress(.right, .shift))
        case steppe_key_f0() + 1...steppe_key_f0() + 24: return .key(KeyPress(.function(Int(code - steppe_key_f0()))))
        case steppe_key_resize():
            // The terminal may have mangled the screen even when the size came back the same, in which
            // case the loop has nothing new to draw: repaint the last frame here.
            repaintLast()
            return .resize(size)
        case steppe_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x)
            let y = Int(event.y)
            if event.bstate & steppe_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
            if event.bstate & steppe_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: x, y: y)) }
            if event.bstate & steppe_button1_pressed() != 0 { return .mouse(MouseEvent(.press, x: x, y: y)) }
            return nil
        default:
            return modifiedKey(code)
        }
    }

    /// Keys with modifiers have no fixed codes; terminfo names them (`kUP5` is Ctrl-↑, `kDC3` Alt-Delete).
    private func modifiedKey(_ code: Int32) -> InputEvent? {
        guard let name = keyname(code).map({ String(cString: $0) }), name.hasPrefix("k"),
            let digit = name.last?.wholeNumberValue, digit >= 2, digit <= 8
        else { return nil }
        let keys: [String: Key] = [
            "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
            "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete, "kIC": .insert,
        ]
        guard let key = keys[String(name.dropLast())] else { return nil }
        return .key(KeyPress(key, Modifiers(xtermParameter: digit)))
    }

    public func suspend(while body: () -> Void) {
        sendControl("\u{1B}[?2004l")
        endwin()
        body()
        // Back in curses' program mode (cbreak, no echo, keypad), then the whole screen again.
        reset_prog_mode()
        sendControl("\u{1B}[?2004h")
        invalidate()
    }

    /// Whether a signal asked the loop to quit.
    public nonisolated static var isTerminationRequested: Bool { steppe_guard_termination() != 0 }

    /// Dies of the signal that asked the loop to quit, if one did; call after `stop()`.
    public nonisolated static func finishTermination() { steppe_guard_finish_termination() }

    /// Gives the terminal back. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        sendControl("\u{1B}[?2004l")
        endwin()
        delscreen(screen)
        steppe_guard_set_active(0)
    }
}
