import Dispatch
import SteppeCore
import SteppeRendering
import SteppeViewModel

/// The reader's main loop: event → key map → reduce → run effects → render → draw.
///
/// It waits on the terminal's input and on the effect runner's wake-up together, so a result of
/// background work is drawn as soon as it arrives, without a key. Keys already waiting are all
/// applied before one frame is drawn, and a frame is skipped when the state did not change.
@MainActor
public final class AppLoop {
    public enum Outcome: Sendable, Equatable {
        case finished
        case failed(String)
    }

    public private(set) var state: AppState
    private let terminal: any TerminalBackend
    private let render: (AppState) -> Grid
    private let wakeup: Wakeup
    private let runner: EffectRunner
    private let clients: Clients
    private var drawn: AppState?
    /// Most input events applied before a frame is drawn, so that a flood of input still shows progress.
    private let burstLimit = 64

    public init(
        state: AppState, terminal: any TerminalBackend, clients: Clients,
        render: @escaping (AppState) -> Grid = Screen.render
    ) {
        self.state = state
        self.terminal = terminal
        self.render = render
        wakeup = Wakeup()
        runner = EffectRunner(clients: clients, wakeup: wakeup)
        self.clients = clients
    }

    /// Runs until the state says quit; first starts `effects` (opening the archive, typically).
    /// `firstFrameGrace` milliseconds are given to those effects before the first frame, so that an
    /// archive indexed before appears at once, at the last session's place and with the reader's marks,
    /// instead of after a flash of the progress screen or of the top of the menu.
    public func run(startingWith effects: [Effect], firstFrameGrace: Int = 0) -> Outcome {
        perform(effects)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, firstFrameGrace)) * 1_000_000
        // Bookmarks and reading marks too, when asked for, so the first lists do not change under the reader.
        let awaitsUserData = effects.contains(.loadUserData)
        while state.catalogue == nil || state.isAwaitingSession || (awaitsUserData && state.user.status == .loading),
            !state.isQuitting
        {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            _ = wakeup.wait(milliseconds: Int((deadline - now) / 1_000_000) + 1)
            applyResults()
        }
        applyResults()
        if !state.isQuitting { draw() }
        while !state.isQuitting {
            if let event = terminal.nextEvent(timeout: nil, wakeup: wakeup) {
                apply(event)
                var burst = 1
                while burst < burstLimit, !state.isQuitting, let more = terminal.nextEvent(timeout: 0, wakeup: wakeup) {
                    apply(more)
                    burst += 1
                }
            }
            applyResults()
            if !state.isQuitting && state != drawn { draw() }
        }
        runner.finish()
        // The answers to the last writes: a failed one is kept as unsaved, and so reported at exit.
        for action in runner.takeResults() { _ = state.reduce(action) }
        return state.failure.map(Outcome.failed) ?? .finished
    }

    private func apply(_ event: InputEvent) {
        switch event {
        case .key(let key): apply(Action.keyPressed(key))
        case .mouse(let mouse): apply(Action.mouse(mouse))
        case .paste(let text): apply(Action.pasted(text))
        case .resize(let size): apply(Action.resized(size))
        case .closed: apply(Action.terminalClosed)
        }
    }

    private func applyResults() {
        for action in runner.takeResults() { apply(action) }
    }

    private func apply(_ action: Action) {
        perform(state.reduce(action))
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .redraw:
                terminal.invalidate()
                drawn = nil
            case .applyTheme(let name):
                switch clients.loadTheme(name) {
                case .success(let theme):
                    terminal.apply(theme)
                    drawn = nil
                case .failure(let error):
                    apply(Action.themeFailed(name: name, reason: VisibleText.escape(error.description)))
                }
            case .copyToClipboard(let text):
                terminal.copyToClipboard(text)
            case .editExternally(let text):
                // The editor has the terminal meanwhile; the loop waits for it, like `git commit` does.
                var outcome = ExternalEditor.Outcome.noEditor
                terminal.suspend { outcome = clients.editText(text) }
                drawn = nil
                switch outcome {
                case .edited(let edited): apply(Action.externalEditFinished(edited))
                case .failed(let reason): apply(Action.externalEditFailed(reason: reason))
                case .noEditor: apply(Action.externalEditFailed(reason: nil))
                }
            case .quit:
                break
            default:
                runner.run(effect)
            }
        }
    }

    private func draw() {
        terminal.draw(render(state))
        drawn = state
    }
}
