import Dispatch
import Glibc
import SteppeCore
import SteppeRendering
import SteppeRuntime
import SteppeTestSupport
import SteppeViewModel
import Synchronization
import Testing

/// The main loop with an in-memory terminal: keys in, frames and effects out, no TTY.
@MainActor
@Suite struct LoopTests {
    let library = TestLibrary.make()

    /// A client gate: work waits on it until the script opens it.
    final class Gate: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func open() { semaphore.signal() }
        func wait() { semaphore.wait() }
    }

    /// The ids of the articles the client read, in order.
    final class Reads: Sendable {
        private let ids = Mutex<[String]>([])
        func append(_ id: String) { ids.withLock { $0.append(id) } }
        var count: Int { ids.withLock { $0.count } }
    }

    func clients(openGate: Gate? = nil, articleGate: Gate? = nil, loaded: Reads? = nil) -> Clients {
        let library = self.library
        return Clients(
            openArchive: { _, progress in
                progress(0, 100)
                openGate?.wait()
                return library
            },
            loadArticle: { bodies, header throws(ArchiveError) in
                articleGate?.wait()
                loaded?.append(header.id)
                return try bodies.article(header)
            })
    }

    func loop(_ terminal: MemoryTerminal, _ clients: Clients) -> AppLoop {
        AppLoop(state: AppState(size: terminal.size, archiveLabel: "test"), terminal: terminal, clients: clients)
    }

    @Test func keysTypedWhileOpeningAreReplayedOnceTheArchiveIsOpen() {
        let gate = Gate()
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: (AppState.downToRegions + [.tab]).map { .input(.key($0)) } + [
                .perform { gate.open() },
                MemoryTerminal.waitFor("test · Regions"),
            ] + MemoryTerminal.keys(.char("Q")))
        let app = loop(terminal, clients(openGate: gate))
        #expect(app.run(startingWith: [.openArchive(path: "test")]) == .finished)
        #expect(!terminal.gaveUp)
        // The first frame was the progress screen; the replayed keys moved to Regions and the list.
        #expect(terminal.frames.first?.lines.contains { $0.contains("Opening test") } == true)
        #expect(app.state.menu.selected == .node(app.state.catalogue!.taxonomy.roots[1]))
        #expect(app.state.focus == .list)
    }

    @Test func aBackgroundResultIsDrawnWithoutAKey() {
        let gate = Gate()
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: [MemoryTerminal.waitFor("All articles")] + MemoryTerminal.keys(.tab, .enter) + [
                MemoryTerminal.waitFor("Loading…"),
                .perform { gate.open() },
                // No key is sent between opening the gate and this wait: only the wake-up can draw it.
                MemoryTerminal.waitFor("— end —"),
            ] + MemoryTerminal.keys(.char("Q")))
        let app = loop(terminal, clients(articleGate: gate))
        #expect(app.run(startingWith: [.openArchive(path: "test")]) == .finished)
        #expect(!terminal.gaveUp)
        #expect(app.state.reader?.articleID == library.catalogue.headers[0].id)
    }

    @Test func pressingNextWhileAnArticleLoadsShowsTheNextOne() {
        let gate = Gate()
        let second = library.catalogue.headers[1]
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: [MemoryTerminal.waitFor("All articles")] + MemoryTerminal.keys(.tab, .enter, .char("n")) + [
                .perform { gate.open(); gate.open() },
                .waitUntil { grid in grid.lines.contains { $0.contains("— end —") } && grid.lines[0].contains("2/4") },
            ] + MemoryTerminal.keys(.char("Q")))
        let app = loop(terminal, clients(articleGate: gate))
        #expect(app.run(startingWith: [.openArchive(path: "test")]) == .finished)
        #expect(!terminal.gaveUp)
        #expect(app.state.reader?.content == .loaded(try! library.article(id: second.id)))
    }

    @Test func aNewerLoadMakesTheOlderResultVanish() throws {
        let older = Gate()
        let newer = Gate()
        let first = library.catalogue.headers[0].id
        let second = library.catalogue.headers[1].id
        let library = self.library
        let runner = EffectRunner(
            clients: Clients(
                openArchive: { _, _ in library },
                loadArticle: { bodies, header throws(ArchiveError) in
                    (header.id == first ? older : newer).wait()
                    return try bodies.article(header)
                }),
            wakeup: Wakeup())
        runner.run(.openArchive(path: "test"))
        runner.waitUntilIdle()
        #expect(runner.takeResults() == [.archiveOpened(library.catalogue)])
        runner.run(.loadArticle(id: first))
        runner.run(.loadArticle(id: second))
        // The newer one finishes first, then the older one: only the newer one is delivered.
        newer.open()
        older.open()
        runner.waitUntilIdle()
        #expect(runner.takeResults() == [.articleLoaded(try library.article(id: second))])
    }

    @Test func keysAlreadyWaitingShareOneFrameAndNoOpsCostNone() {
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: (AppState.downToRegions + [.down]).map { .input(.key($0)) }
                + [MemoryTerminal.waitFor("test · Regions › Caucasus")]
                // A resize to the size it already has (a stray SIGWINCH) changes nothing.
                + [.input(.resize(Size(width: 100, height: 30)))]
                + [MemoryTerminal.waitFor("test · Regions › Caucasus")]
                + [.input(.key(.ctrl("l"))), MemoryTerminal.waitFor("test · Regions › Caucasus")]
                + MemoryTerminal.keys(.char("Q")))
        let app = loop(terminal, clients())
        _ = app.run(startingWith: [.openArchive(path: "test")], firstFrameGrace: 5_000)
        #expect(!terminal.gaveUp)
        // The archive, one frame for the two moves, none for the resize that changed nothing, one repaint.
        #expect(terminal.frames.count == 3, "\(terminal.frames.map { $0.lines.last ?? "" })")
        #expect(terminal.invalidations == 1)
        #expect(terminal.frames[2] == terminal.frames[1])
    }

    /// Sessions written by the loop, for the next start to read.
    final class SavedSessions: Sendable {
        private let saved = Mutex<[Session]>([])
        func append(_ session: Session) { saved.withLock { $0.append(session) } }
        var all: [Session] { saved.withLock { $0 } }
    }

    @Test func quittingFinishesTheQueuedWriteAndTheNextStartReopensThere() throws {
        let saved = SavedSessions()
        var live = clients()
        live.saveSession = { session, _ in
            // A slow disk: the loop must still wait for this write before it returns.
            usleep(200_000)
            saved.append(session)
        }
        let first = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: MemoryTerminal.keys(.tab, .down, .enter) + [MemoryTerminal.waitFor("— end —")]
                + MemoryTerminal.keys(.char("Q")))
        let app = loop(first, live)
        #expect(app.run(startingWith: [.openArchive(path: "test")], firstFrameGrace: 5_000) == .finished)
        let second = library.catalogue.headers[1].id
        #expect(saved.all.map(\.articleID) == [second])

        var restoring = clients()
        let place = try #require(saved.all.first)
        restoring.loadSession = { _ in place }
        let again = MemoryTerminal(size: Size(width: 100, height: 30), script: MemoryTerminal.keys(.char("Q")))
        let reopened = loop(again, restoring)
        _ = reopened.run(startingWith: [.openArchive(path: "test")], firstFrameGrace: 5_000)
        // The very first frame is already the article, not the top of the menu.
        #expect(reopened.state.reader?.articleID == second)
        #expect(again.frames.first?.lines.first?.contains(library.catalogue.headers[1].title.prefix(20)) == true)
    }

    @Test func theLinkGoesToTheClipboardAndToTheBrowser() {
        var live = clients()
        live.openLink = { _ in .opened(program: "firefox") }
        let url = library.catalogue.headers[0].url
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: MemoryTerminal.keys(.tab, .char("y"), .char("o")) + [MemoryTerminal.waitFor("Opening the link with firefox")]
                + MemoryTerminal.keys(.char("Q")))
        _ = loop(terminal, live).run(startingWith: [.openArchive(path: "test")], firstFrameGrace: 5_000)
        #expect(!terminal.gaveUp)
        #expect(terminal.clipboard == [url])
    }

    @Test func aFailedOpenEndsTheLoopWithTheMessage() {
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30), script: [])
        let failing = Clients(openArchive: { path, _ throws(ArchiveError) in throw .notFound(path: path) })
        let app = loop(terminal, failing)
        let outcome = app.run(startingWith: [.openArchive(path: "/nowhere")], firstFrameGrace: 5_000)
        #expect(outcome == .failed(ArchiveError.notFound(path: "/nowhere").description))
        #expect(terminal.frames.isEmpty)
        #expect(!terminal.gaveUp)
    }
}
