import Dispatch
import Foundation
import SteppeCore
import SteppeSearch
import SteppeStore
import SteppeViewModel
import Synchronization

/// Runs effects off the main thread through the clients it owns, and hands their results back as
/// actions, in the order they arrived, waking the main loop each time.
///
/// - Effects with an id replace each other: a newer one makes the older one's result vanish.
/// - Writes run one at a time, in order; `finish()` waits for those already queued, so quitting
///   never drops a write asked for before it.
/// - The open archive's body reader lives here, not in the state.
public final class EffectRunner: Sendable {
    private struct Shared {
        var results: [Action] = []
        var generations: [Effect.ID: Int] = [:]
        var bodies: ArchiveBodies?
        var catalogue: Catalogue?
        /// The path the open archive was opened by: sessions are kept per archive.
        var archivePath: String?
        /// The archive's files as they were when it was read; a difference means it changed on disk.
        var archiveStamp: [Int64]?
        var isArchiveChangeReported = false
        /// The open archive's search index, usable while it is being brought in step, and the library it indexes.
        var searchIndex: SearchIndex?
        var indexedLibrary: Library?
        var isSearchIndexReady = false
    }

    private let clients: Clients
    private let wakeup: Wakeup
    private let shared = Mutex(Shared())
    private let reads = DispatchQueue(label: "steppe.effects.reads", qos: .userInitiated, attributes: .concurrent)
    private let writes = DispatchQueue(label: "steppe.effects.writes", qos: .userInitiated)
    /// Builds the search index in the background, never in the way of reading.
    private let indexing = DispatchQueue(label: "steppe.effects.indexing", qos: .utility)
    /// Polls the store for other processes' changes, once the reader's data is loaded.
    private let watch = Mutex<DispatchSourceTimer?>(nil)
    /// Polls the archive's files for changes made by an import.
    private let archiveWatch = Mutex<DispatchSourceTimer?>(nil)

    public init(clients: Clients, wakeup: Wakeup) {
        self.clients = clients
        self.wakeup = wakeup
    }

    /// Starts an effect's work. `redraw` and `quit` belong to the loop and are not passed here.
    public func run(_ effect: Effect) {
        let generation = effect.id.map { id in
            shared.withLock { s in
                let next = (s.generations[id] ?? 0) + 1
                s.generations[id] = next
                return next
            }
        }
        // A keystroke typed while a search runs stops it: its answer would be thrown away anyway.
        if case .search = effect { shared.withLock { $0.searchIndex }?.interrupt() }
        let queue = effect.isWrite ? writes : reads
        queue.async { [self] in
            perform(effect, isStale: { self.isStale(effect.id, generation) }) { action in
                self.post(action, for: effect.id, generation: generation)
            }
        }
    }

    /// A newer effect of the same id was asked for since this one.
    private func isStale(_ id: Effect.ID?, _ generation: Int?) -> Bool {
        guard let id, let generation else { return false }
        return shared.withLock { $0.generations[id] != generation }
    }

    private func perform(_ effect: Effect, isStale: () -> Bool, post: @escaping @Sendable (Action) -> Void) {
        switch effect {
        case .openArchive(let path):
            do {
                let stamp = clients.archiveStamp(path)
                let library = try clients.openArchive(path) { done, total in
                    post(.archiveProgressed(bytesDone: done, bytesTotal: total))
                }
                adopt(library, path: path, stamp: stamp)
                post(.archiveOpened(library.catalogue))
                // Off the main thread, while the first frame is drawn: the first article opened finds it ready.
                library.catalogue.prepareIdentityIndex()
                startWatchingArchive()
                startIndexing(library)
            } catch {
                post(.archiveFailed(error))
            }
        case .reloadArchive:
            guard let current = shared.withLock({ $0.archivePath }) else { return }
            let replacement = clients.replacement(current)
            let path = replacement?.path ?? current
            do {
                let stamp = clients.archiveStamp(path)
                let library = try clients.openArchive(path) { _, _ in }
                library.catalogue.prepareIdentityIndex()
                adopt(library, path: path, stamp: stamp)
                post(.archiveReloaded(library.catalogue, label: replacement?.label))
                startIndexing(library)
            } catch {
                post(.archiveReloadFailed(error))
            }
        case .loadArticle(let id):
            let (bodies, catalogue) = shared.withLock { ($0.bodies, $0.catalogue) }
            guard let bodies, let catalogue, let header = catalogue.header(id: id) else {
                let path = catalogue?.source.displayPath ?? ""
                post(.articleFailed(id: id, error: .invalid(path: path, place: "id '\(id)'", reason: "no such article")))
                return
            }
            do {
                post(.articleLoaded(try clients.loadArticle(bodies, header)))
            } catch {
                post(.articleFailed(id: id, error: error))
            }
        case .loadSession:
            let path = shared.withLock { $0.archivePath }
            post(.sessionLoaded(path.flatMap(clients.loadSession)))
        case .saveSession(let session):
            // Losing the place is no reason to keep the reader from quitting.
            guard let path = shared.withLock({ $0.archivePath }) else { return }
            try? clients.saveSession(session, path)
        case .openLink(let link):
            switch clients.openLink(link) {
            case .opened(let program): post(.linkOpened(program: program))
            case .noBrowser: post(.linkFailed(reason: nil))
            case .failed(let reason): post(.linkFailed(reason: reason))
            }
        case .loadUserData:
            let (snapshot, reason) = clients.loadUserData()
            post(.userDataLoaded(snapshot, readOnlyReason: reason))
            startWatching()
        case .saveUserChange(let change):
            do {
                post(.userChangeSaved(change, stamped: try clients.saveUserChange(change)))
            } catch {
                post(.userChangeFailed(change, reason: (error as? StoreError)?.problem ?? .sqlite(String(describing: error))))
            }
        case .search(let request):
            // Typed over already: its answer would be thrown away.
            guard !isStale() else { return }
            let (index, catalogue, isReady) = shared.withLock { ($0.searchIndex, $0.catalogue, $0.isSearchIndexReady) }
            guard let catalogue else { return }
            guard let index else {
                post(.searchResults(text: request.text, ids: [], problem: nil, isPartial: true))
                return
            }
            do throws(SearchProblem) {
                let query = try SearchQuery.parse(request.text, taxonomy: catalogue.taxonomy, completingLastWord: request.completesLastWord)
                let ids = try index.search(query, limit: request.limit, keep: EffectRunner.keep(query, request), isCancelled: isStale)
                post(.searchResults(text: request.text, ids: ids, problem: nil, isPartial: !isReady))
                postSnippets(of: ids, for: request.text, query: query, catalogue: catalogue, isStale: isStale, post: post)
            } catch .interrupted {
                return
            } catch {
                post(.searchResults(text: request.text, ids: [], problem: error, isPartial: !isReady))
                // A damaged index is made again from the archive; the next keystroke finds it building.
                if case .indexUnavailable = error { rebuildSearchIndex(index) }
            }
        case .copyToClipboard, .editExternally, .redraw, .applyTheme, .quit:
            break
        }
    }

    /// Snippets follow the results, a screenful first, so the titles never wait for them; a newer
    /// search stops the work.
    private func postSnippets(
        of ids: [String], for text: String, query: SearchQuery, catalogue: Catalogue, isStale: () -> Bool,
        post: @Sendable (Action) -> Void
    ) {
        guard let bodies = shared.withLock({ $0.bodies }) else { return }
        var start = 0
        var batch = 30
        while start < ids.count, !isStale() {
            var snippets: [String: SearchSnippet] = [:]
            var titles: [String: [Range<Int>]] = [:]
            for id in ids[start..<min(ids.count, start + batch)] {
                guard let header = catalogue.header(id: id) else { continue }
                titles[id] = SearchSnippet.titleHighlights(header.title, query: query)
                guard let article = try? clients.loadArticle(bodies, header) else { continue }
                snippets[id] = SearchSnippet.make(article, query: query, width: EffectRunner.snippetWidth)
            }
            post(.searchSnippets(text: text, snippets: snippets, titles: titles))
            start += batch
            batch = ids.count
        }
    }

    /// Wider than any list pane; the list cuts it to its width around the match.
    static let snippetWidth = 240

    /// The filters the index cannot answer, from the reader's own lists the request carries.
    static func keep(_ query: SearchQuery, _ request: SearchRequest) -> ((String) -> Bool)? {
        query.ownListFilter(
            isBookmarked: { request.bookmarked.contains($0) }, isRead: { request.read.contains($0) },
            hasNote: { request.noted.contains($0) })
    }

    private func rebuildSearchIndex(_ damaged: SearchIndex) {
        let library = shared.withLock { s -> Library? in
            guard s.searchIndex === damaged else { return nil }
            s.searchIndex = nil
            return s.indexedLibrary
        }
        guard let library else { return }
        SearchIndex.delete(damaged.file)
        startIndexing(library)
    }

    /// Opens the archive's search index and brings it in step, in the background, saying how far it is.
    /// A sync that fails (a file damaged in a way opening did not show) makes the index again from
    /// nothing, once; a second failure is reported.
    private func startIndexing(_ library: Library, isRetry: Bool = false) {
        shared.withLock {
            $0.isSearchIndexReady = false
            $0.indexedLibrary = library
        }
        indexing.async { [self] in
            var opened: SearchIndex?
            do {
                guard let index = try clients.openSearchIndex(library.catalogue.source) else { return }
                opened = index
                shared.withLock { $0.searchIndex = index }
                try index.sync(library) { [weak self] done, total in
                    self?.post(.searchIndexProgressed(done: done, total: total), for: nil, generation: nil)
                }
                // A reload while this ran started another run, which says when it is ready.
                guard shared.withLock({ $0.catalogue == library.catalogue }) else { return }
                shared.withLock { $0.isSearchIndexReady = true }
                post(.searchIndexReady, for: nil, generation: nil)
            } catch {
                if !isRetry, let opened {
                    shared.withLock { if $0.searchIndex === opened { $0.searchIndex = nil } }
                    SearchIndex.delete(opened.file)
                    startIndexing(library, isRetry: true)
                    return
                }
                post(.searchIndexFailed(.indexUnavailable("\(error)")), for: nil, generation: nil)
            }
        }
    }

    private func adopt(_ library: Library, path: String, stamp: [Int64]?) {
        shared.withLock { s in
            s.bodies = library.bodies
            s.catalogue = library.catalogue
            s.archivePath = path
            s.archiveStamp = stamp
            s.isArchiveChangeReported = false
        }
    }

    /// Looks at the archive's files every `clients.watchInterval` and says once when they changed.
    private func startWatchingArchive() {
        repeatEvery(clients.watchInterval, on: reads, in: archiveWatch) { [clients, weak self] in
            guard let self else { return }
            let (path, stamp, reported) = shared.withLock { ($0.archivePath, $0.archiveStamp, $0.isArchiveChangeReported) }
            guard let path, !reported, let stamp, let now = clients.archiveStamp(path), now != stamp else { return }
            shared.withLock { $0.isArchiveChangeReported = true }
            post(.archiveChangedOnDisk, for: nil, generation: nil)
        }
    }

    /// Looks for other processes' changes every `clients.watchInterval`, on the queue of writes, so a
    /// snapshot read there already holds every change this process asked for before it.
    private func startWatching() {
        repeatEvery(clients.watchInterval, on: writes, in: watch) { [clients, weak self] in
            guard clients.userDataChangedElsewhere() else { return }
            let (snapshot, reason) = clients.loadUserData()
            self?.post(.userDataLoaded(snapshot, readOnlyReason: reason), for: nil, generation: nil)
        }
    }

    /// Starts a repeating timer held in `slot`, unless one is running already.
    private func repeatEvery(
        _ interval: DispatchTimeInterval, on queue: DispatchQueue, in slot: borrowing Mutex<DispatchSourceTimer?>,
        _ body: @escaping @Sendable () -> Void
    ) {
        slot.withLock { timer in
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler(handler: body)
            source.resume()
            timer = source
        }
    }

    /// Stops watching the store; the loop calls it when it ends.
    public func stopWatching() {
        watch.withLock { timer in
            timer?.cancel()
            timer = nil
        }
        archiveWatch.withLock { timer in
            timer?.cancel()
            timer = nil
        }
    }

    private func post(_ action: Action, for id: Effect.ID?, generation: Int?) {
        let delivered = shared.withLock { s in
            if let id, let generation, s.generations[id] != generation { return false }
            // Progress reports replace each other; a slow screen never lags behind a fast scan.
            if case .archiveProgressed = action, case .archiveProgressed? = s.results.last { s.results.removeLast() }
            s.results.append(action)
            return true
        }
        if delivered { wakeup.signal() }
    }

    /// Every result posted since the last call, oldest first.
    public func takeResults() -> [Action] {
        wakeup.drain()
        return shared.withLock { s in
            defer { s.results.removeAll() }
            return s.results
        }
    }

    /// Stops watching and waits until the writes queued so far are done.
    public func finish() {
        stopWatching()
        writes.sync {}
    }

    /// Waits until every effect started so far, reads included, has run and posted; for tests and tools.
    public func waitUntilIdle() {
        reads.sync(flags: .barrier) {}
        writes.sync {}
    }
}
