import Dispatch
import Foundation
import SteppeCore
import SteppeRendering
import SteppeTerminal
import SteppeViewModel
import Synchronization

/// Messages from background work to the main loop.
final class Mailbox: Sendable {
    enum Message: Sendable {
        case action(Action)
        case failed(String)
    }

    private let messages = Mutex<[Message]>([])

    func post(_ message: Message) { messages.withLock { $0.append(message) } }

    func drain() -> [Message] { messages.withLock { all in defer { all.removeAll() }; return all } }

    /// Progress reports replace each other; keep only the newest so a slow screen never lags behind.
    func postProgress(_ done: Int64, _ total: Int64) {
        messages.withLock { all in
            if case .action(.archiveProgressed)? = all.last { all.removeLast() }
            all.append(.action(.archiveProgressed(bytesDone: done, bytesTotal: total)))
        }
    }
}

/// The reader's main loop: event → key map → reduce → effects → render → draw.
@MainActor
enum ReaderLoop {
    enum Outcome {
        case finished
        case failure(String)
    }

    static func run(prepared: PreparedArchive, label: String, theme: Theme, color: Bool) -> Outcome {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: theme, color: color)
        } catch {
            return .failure(error.description)
        }
        defer { terminal.stop() }

        var state = AppState(size: terminal.size, archiveLabel: label)
        let mailbox = Mailbox()
        let cache = HeaderCache.standard()
        if let library = ArchiveReader.loadIndexed(prepared, cache: cache) {
            // Indexed before: ready in milliseconds, so the first frame shows the menus.
            apply(.archiveLoaded(library), to: &state)
        } else {
            // A new or changed archive: index it in the background and show progress meanwhile.
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    let library = try ArchiveReader.load(prepared, cache: cache) { done, total in
                        mailbox.postProgress(done, total)
                    }
                    mailbox.post(.action(.archiveLoaded(library)))
                } catch {
                    mailbox.post(.failed(String(describing: error)))
                }
            }
        }

        terminal.draw(Screen.render(state))
        var drawn = state
        while !state.isQuitting {
            var changed = false
            for message in mailbox.drain() {
                switch message {
                case .action(let action):
                    apply(action, to: &state)
                    changed = true
                case .failed(let reason):
                    return .failure(reason)
                }
            }
            if state.isQuitting { break }
            if changed && state != drawn {
                terminal.draw(Screen.render(state))
                drawn = state
            }
            // While the archive is being indexed, wake up often to show progress and pick up the result;
            // otherwise wait for the user.
            guard let event = terminal.nextEvent(timeout: state.library == nil ? 15 : nil) else { continue }
            switch event {
            case .key(let key): apply(.keyPressed(key), to: &state)
            case .mouse(let mouse): apply(.mouse(mouse), to: &state)
            case .resize(let size): apply(.resized(size), to: &state)
            }
            // An action that changed nothing (an unbound key, scrolling past the end) costs no frame.
            if !state.isQuitting && (state != drawn || isRedraw(event)) {
                terminal.draw(Screen.render(state))
                drawn = state
            }
        }
        return .finished
    }

    private static func isRedraw(_ event: InputEvent) -> Bool {
        if case .resize = event { return true }
        return false
    }

    /// Reduces an action and runs the effects it asks for, feeding their results back in.
    static func apply(_ action: Action, to state: inout AppState) {
        var pending = [action]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in state.reduce(next) {
                switch effect {
                case .quit:
                    return
                case .loadArticle(let index):
                    guard let library = state.library else { continue }
                    do {
                        pending.append(.articleLoaded(index: index, try library.article(at: index)))
                    } catch {
                        pending.append(.articleFailed(index: index, message: error.description))
                    }
                }
            }
        }
    }
}
