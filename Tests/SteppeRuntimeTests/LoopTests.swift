import Dispatch
import Glibc
import SteppeCore
import SteppeRendering
import SteppeRuntime
import SteppeStore
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

    @Test func tAppliesTheNextThemeAndABrokenOneIsSaidAndSkipped() {
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: [MemoryTerminal.waitFor("All articles")] + MemoryTerminal.keys(.char("T")) + [
                MemoryTerminal.waitFor("Theme: light (2/3"),
            ] + MemoryTerminal.keys(.char("T")) + [
                MemoryTerminal.waitFor("broken.json:2: styles.body: unknown colour"),
            ] + MemoryTerminal.keys(.char("T")) + [MemoryTerminal.waitFor("Theme: default (1/2")] + MemoryTerminal.keys(.char("Q")))
        // default → light → broken (skipped, light stays) → default
        var clients = clients()
        clients.loadTheme = { name in
            name == "broken"
                ? .failure(Theme.LoadError(description: "broken.json:2: styles.body: unknown colour 'mauve'"))
                : .success(Theme(name: name, styles: [:]))
        }
        var state = AppState(size: terminal.size, archiveLabel: "test")
        state.themeNames = ["default", "light", "broken"]
        let app = AppLoop(state: state, terminal: terminal, clients: clients)
        #expect(app.run(startingWith: [.openArchive(path: "test")]) == .finished)
        #expect(!terminal.gaveUp)
        #expect(terminal.themes == ["light", "default"])
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
        // Saved when the article opened, and again on quitting, which waited for the slow write.
        #expect(saved.all.map(\.articleID) == [second, second])

        var restoring = clients()
        let place = try #require(saved.all.last)
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

/// Bookmarks and notes through the loop: writes reach the store client, answers come back as actions.
@MainActor
@Suite struct UserDataLoopTests {
    let library = TestLibrary.make()

    /// A store in memory, counting what it was asked to write.
    final class Store: Sendable {
        private let state = Mutex<(data: UserSnapshot, written: [UserChange], changedElsewhere: Bool, failing: String?)>(
            (UserSnapshot(), [], false, nil))
        var written: [UserChange] { state.withLock { $0.written } }
        func failWrites(_ reason: String) { state.withLock { $0.failing = reason } }
        /// Another process writes a change.
        func changeElsewhere(_ change: UserChange) {
            state.withLock {
                $0.data.apply(change)
                $0.changedElsewhere = true
            }
        }

        func clients(_ library: Library, editText: @escaping @Sendable (String) -> ExternalEditor.Outcome = { _ in .noEditor }) -> Clients {
            Clients(
                openArchive: { _, _ in library },
                loadUserData: { (self.state.withLock { $0.data }, nil) },
                saveUserChange: { change in
                    // A busy database takes its time to fail: the answer comes after the keys that follow.
                    if self.state.withLock({ $0.failing != nil }) { usleep(200_000) }
                    return try self.state.withLock { s in
                        if let reason = s.failing { throw StoreError(path: "user.sqlite", problem: .sqlite(reason)) }
                        s.written.append(change)
                        s.data.apply(change)
                        return change
                    }
                },
                userDataChangedElsewhere: {
                    self.state.withLock { s in
                        defer { s.changedElsewhere = false }
                        return s.changedElsewhere
                    }
                },
                editText: editText,
                watchInterval: .milliseconds(10))
        }
    }



    func run(_ store: Store, _ script: [MemoryTerminal.Step], editText: @escaping @Sendable (String) -> ExternalEditor.Outcome = { _ in .noEditor })
        -> (AppLoop, MemoryTerminal)
    {
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30), script: script + MemoryTerminal.keys(.char("Q")))
        let app = AppLoop(state: AppState(size: terminal.size, archiveLabel: "test"), terminal: terminal, clients: store.clients(library, editText: editText))
        _ = app.run(startingWith: [.openArchive(path: "test"), .loadUserData], firstFrameGrace: 5_000)
        return (app, terminal)
    }

    @Test func aNoteIsWrittenAndSaidToBeSavedOnceTheStoreHasIt() {
        let store = Store()
        let (app, terminal) = run(store, MemoryTerminal.keys(.tab, .enter, .char("a"), .char("ч"), .char("а"), .char("й"), .ctrl("s"))
            + [MemoryTerminal.waitFor("Note saved")])
        #expect(!terminal.gaveUp)
        #expect(store.written.contains { if case .saveNote(let note, _) = $0 { note.text == "чай" } else { false } })
        #expect(app.state.user.pending.isEmpty)
    }

    @Test func aFailedWriteIsShownAndKept() {
        let store = Store()
        store.failWrites("disk full")
        let (app, terminal) = run(store, MemoryTerminal.keys(.tab, .char("s")) + [MemoryTerminal.waitFor("Not saved: disk full")])
        #expect(!terminal.gaveUp)
        #expect(app.state.user.unsaved.count == 1)
    }

    @Test func aWriteThatFailsAsTheReaderQuitsIsKeptAsUnsaved() {
        let store = Store()
        store.failWrites("database is locked")
        // Q straight after the bookmark: the write's answer arrives after the loop stopped reading keys.
        let (app, terminal) = run(store, MemoryTerminal.keys(.tab, .char("s")))
        #expect(!terminal.gaveUp)
        #expect(app.state.user.unsaved.count == 1)
    }

    @Test func anotherProcessesChangeAppearsWithoutAKey() {
        let store = Store()
        let supra = ArticleRef(id: "supra", title: "The supra and its toastmaster")
        let (_, terminal) = run(store, [
            MemoryTerminal.waitFor("Bookmarks            0"),
            .perform { store.changeElsewhere(.setBookmark(Bookmark(articleID: "supra", createdAt: 1), supra)) },
            MemoryTerminal.waitFor("Bookmarks            1"),
        ])
        #expect(!terminal.gaveUp)
    }

    @Test func theExternalEditorHasTheTerminalAndItsTextIsSaved() {
        let store = Store()
        let (app, terminal) = run(
            store, MemoryTerminal.keys(.tab, .enter, .char("]"), .char("E")) + [MemoryTerminal.waitFor("Note saved")],
            editText: { text in .edited(text + "written in vi\n") })
        #expect(!terminal.gaveUp)
        #expect(terminal.suspensions == 1)
        #expect(app.state.draft == nil)
        #expect(store.written.contains { if case .saveNote(let note, _) = $0 { note.text == "written in vi" && note.anchor?.block == 0 } else { false } })
    }

    @Test func withoutAnEditorTheNoteStaysInTheBuiltInOne() {
        let store = Store()
        let (app, terminal) = run(
            store, MemoryTerminal.keys(.tab, .enter, .char("E")) + [MemoryTerminal.waitFor("Set $VISUAL or $EDITOR")]
                + MemoryTerminal.keys(.char("x"), .ctrl("s")) + [MemoryTerminal.waitFor("Note saved")])
        #expect(!terminal.gaveUp)
        #expect(app.state.user.data.notes.values.joined().map(\.text) == ["x"])
    }
}

/// An import changes the open archive: the reader says so and reloads on R.
@MainActor @Suite struct ArchiveReloadLoopTests {
    let library = TestLibrary.make()

    @Test func aChangedArchiveIsOfferedAndReloadedOnR() {
        let stamps = Mutex(0)
        let opens = Mutex(0)
        let library = self.library
        let bigger = TestLibrary.make(extra: 2)
        let clients = Clients(
            openArchive: { _, _ in opens.withLock { n in
                n += 1
                return n == 1 ? library : bigger
            } },
            archiveStamp: { _ in
                // The first look is taken when the archive opens; every later one sees it changed.
                stamps.withLock { n in
                    n += 1
                    return n == 1 ? [1] : [2]
                }
            },
            watchInterval: .milliseconds(10))
        let terminal = MemoryTerminal(
            size: Size(width: 100, height: 30),
            script: [MemoryTerminal.waitFor("The archive has changed on disk: R reloads it")] + MemoryTerminal.keys(.char("R"))
                + [MemoryTerminal.waitFor("Archive reloaded")] + MemoryTerminal.keys(.char("Q")))
        let app = AppLoop(state: AppState(size: terminal.size, archiveLabel: "test"), terminal: terminal, clients: clients)
        _ = app.run(startingWith: [.openArchive(path: "test")], firstFrameGrace: 5_000)
        #expect(!terminal.gaveUp)
        #expect(app.state.catalogue == bigger.catalogue)
        #expect(opens.withLock { $0 } == 2)
    }
}
