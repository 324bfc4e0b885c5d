import SteppeRendering
import SteppeViewModel

/// A terminal in memory, for testing the loop: it plays a script of input and keeps every frame.
///
/// A script step can also run code (open a gate a test client waits on) or wait until a frame shows
/// something. Waiting blocks on the loop's wake-up like a real terminal does, so a background result
/// must wake the loop by itself; a wait that is not met within `patience` milliseconds ends the
/// session (`gaveUp` is then set) instead of hanging the test.
@MainActor
public final class MemoryTerminal: TerminalBackend {
    public enum Step {
        case input(InputEvent)
        case perform(@MainActor () -> Void)
        case waitUntil(@MainActor (Grid) -> Bool)
    }

    public private(set) var size: Size
    public private(set) var frames: [Grid] = []
    public private(set) var invalidations = 0
    public private(set) var clipboard: [String] = []
    /// A wait in the script was not met in time, or the script ran out before the program quit.
    public private(set) var gaveUp = false
    private var script: [Step]
    private let patience: Int

    public init(size: Size, script: [Step], patience: Int = 10_000) {
        self.size = size
        self.script = script
        self.patience = patience
    }

    public static func keys(_ keys: KeyPress...) -> [Step] { keys.map { .input(.key($0)) } }

    public static func waitFor(_ text: String) -> Step {
        .waitUntil { grid in grid.lines.contains { $0.contains(text) } }
    }

    public func nextEvent(timeout: Int?, wakeup: Wakeup) -> InputEvent? {
        while let step = script.first {
            switch step {
            case .input(let event):
                script.removeFirst()
                if case .resize(let newSize) = event { size = newSize }
                return event
            case .perform(let body):
                script.removeFirst()
                body()
            case .waitUntil(let isMet):
                // A wait ends the burst of input before it, so that it looks at the frame drawn after it.
                if timeout == 0 { return nil }
                if let frame = frames.last, isMet(frame) {
                    script.removeFirst()
                    continue
                }
                if !wakeup.wait(milliseconds: min(timeout ?? patience, patience)).woken { return giveUp() }
                return nil
            }
        }
        return timeout == 0 ? nil : giveUp()
    }

    private func giveUp() -> InputEvent {
        gaveUp = true
        script = []
        return .key(.char("Q"))
    }

    public func draw(_ grid: Grid) { frames.append(grid) }

    public func invalidate() { invalidations += 1 }

    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    /// The themes applied, by name, in order.
    public private(set) var themes: [String] = []
    public func apply(_ theme: Theme) { themes.append(theme.name) }

    public private(set) var suspensions = 0

    public func suspend(while body: () -> Void) {
        suspensions += 1
        body()
        invalidate()
    }
}
