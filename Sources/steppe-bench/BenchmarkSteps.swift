import Foundation
import SteppeCore
import SteppeRendering
import SteppeStore
import SteppeViewModel

/// What one measuring process does: the reader's own code paths (archive, view model, rendering into an
/// in-memory grid), no terminal. Each step is listed here with its target, so new features add theirs.
struct BenchmarkSteps {
    struct Step: Sendable {
        var name: String
        /// The target at 50,000 articles, in milliseconds.
        var targetMs: Double
        var runs: Int
        var body: @Sendable (inout Context) throws -> Double
    }

    /// What the steps share: the archive, a cache folder, and the state the last step left.
    struct Context: Sendable {
        var archive: String
        var cache: HeaderCache
        var state: AppState
        /// The open archive's body reader, as the effect runner holds it.
        var bodies: ArchiveBodies?
        var size = Size(width: 120, height: 40)
        var round = 0
        /// The reader's own data for the user-data steps: 10,000 bookmarks and 20,000 notes.
        var store: UserStore?
    }

    static let bookmarkCount = 10_000
    static let noteCount = 20_000
    /// The article with the most notes.
    static let notesOnOneArticle = 50

    /// Fills a new store with bookmarks on the newest articles and notes spread over them, 50 of
    /// them on the newest article, each on a paragraph.
    static func makeStore(_ catalogue: Catalogue) throws -> UserStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-bench-store-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        let store = UserStore(file: folder.appendingPathComponent("user.sqlite"))
        let headers = catalogue.headers
        func reference(_ h: ArticleHeader) -> ArticleRef { ArticleRef(id: h.id, title: h.title, url: h.url, published: h.published) }
        func change(_ i: Int) -> UserChange {
            if i < bookmarkCount {
                let header = headers[i]
                return .setBookmark(Bookmark(articleID: header.id, createdAt: Stamp(i), labels: i % 10 == 0 ? ["thesis"] : []), reference(header))
            }
            let n = i - bookmarkCount
            let header = n < notesOnOneArticle ? headers[0] : headers[1 + (n * 7) % (min(headers.count, bookmarkCount) - 1)]
            let anchor = NoteAnchor(block: n % 3, quote: "", before: "", after: "")
            return .saveNote(
                Note(id: "bench-\(n)", articleID: header.id, text: "Note \(n): a thought about this paragraph, in a sentence or two of the reader's own.",
                     anchor: anchor, createdAt: Stamp(n), updatedAt: Stamp(n)), reference(header))
        }
        // In batches, so the bench's own set-up does not swell the peak memory it reports.
        let total = bookmarkCount + noteCount
        for start in stride(from: 0, to: total, by: 2_000) {
            try store.write(all: (start..<min(total, start + 2_000)).map(change))
        }
        return store
    }

    /// Steps of a cold open: the derived index is deleted first, as for a new archive.
    static let cold: [Step] = [
        Step(name: "open, cold: index built, menus usable", targetMs: 1_500, runs: 3) { context in
            let cache = context.cache
            let prepared = try ArchiveReader.prepare(context.archive)
            try? FileManager.default.removeItem(at: cache.fileURL(for: prepared.source))
            // The program holds one open archive at a time: let go of the previous round's first.
            context.state = AppState(size: context.size, archiveLabel: "bench")
            context.bodies = nil
            var state = context.state
            let ms = try time {
                let library = try ArchiveReader.load(try ArchiveReader.prepare(context.archive), cache: cache)
                state = AppState(size: context.size, archiveLabel: "bench", catalogue: library.catalogue)
                _ = Screen.render(state)
                context.bodies = library.bodies
            }
            // The effect runner builds this in the background after the first frame; so does the bench.
            state.catalogue?.prepareIdentityIndex()
            context.state = state
            return ms
        }
    ]

    /// Steps of the warm path: the index exists, as on every open after the first.
    static let warm: [Step] = [
        Step(name: "open, warm: first frame", targetMs: 100, runs: 10) { context in
            context.state = AppState(size: context.size, archiveLabel: "bench")
            context.bodies = nil
            var state = context.state
            let ms = try time {
                let library = try ArchiveReader.open(context.archive, cache: context.cache)
                state = AppState(size: context.size, archiveLabel: "bench", catalogue: library.catalogue)
                _ = Screen.render(state)
                context.bodies = library.bodies
            }
            // The effect runner builds this in the background after the first frame; so does the bench.
            state.catalogue?.prepareIdentityIndex()
            context.state = state
            return ms
        },
        Step(name: "list: largest node", targetMs: 50, runs: 20) { context in
            var state = context.state
            let library = state.catalogue!
            // Open every group so the largest node has a row, and select the row above it.
            for node in 0..<library.taxonomy.count where !library.taxonomy[node].children.isEmpty {
                state.menu.expanded.insert(.node(node))
            }
            let rows = state.menuRows
            let largest = rows.indices.filter { rows[$0].depth > 0 && rows[$0].item.node != nil }.max { library.count(in: rows[$0].item.node!) < library.count(in: rows[$1].item.node!) }!
            state.focus = .menu
            state.menu.selected = rows[largest - 1].item
            let ms = time {
                _ = state.reduce(.keyPressed(.down))
                _ = Screen.render(state)
            }
            precondition(state.menu.selected == rows[largest].item)
            return ms
        },
        Step(name: "list: all articles", targetMs: 50, runs: 20) { context in
            var state = context.state
            state.focus = .menu
            state.menu.selected = state.menuRows[1].item
            let ms = time {
                _ = state.reduce(.keyPressed(.up))
                _ = Screen.render(state)
            }
            precondition(state.listEntries.count == state.catalogue!.headers.count)
            return ms
        },
        Step(name: "open an article", targetMs: 10, runs: 20) { context in
            var state = context.state
            state.focus = .list
            let count = state.listEntries.count
            // A different article each round, spread over the whole file.
            state.list.selected = (context.round * 7_919) % count
            context.round += 1
            let ms = try time {
                for effect in state.reduce(.keyPressed(.enter)) {
                    if case .loadArticle(let id) = effect, let header = state.catalogue?.header(id: id) {
                        _ = state.reduce(.articleLoaded(try context.bodies!.article(header)))
                    }
                }
                _ = Screen.render(state)
            }
            context.state = state
            return ms
        },
        Step(name: "keypress: page down in the article", targetMs: 2, runs: 50) { context in
            var state = context.state
            if state.reader?.topLine ?? 0 > 0 { _ = state.reduce(.keyPressed(.char("g"))) }
            let ms = time {
                _ = state.reduce(.keyPressed(.char(" ")))
                _ = Screen.render(state)
            }
            return ms
        },
        Step(name: "keypress: page down in the list", targetMs: 2, runs: 50) { context in
            var state = context.state
            _ = state.reduce(.keyPressed(.escape))
            state.list.selected = 1_000 % max(1, state.listEntries.count)
            let ms = time {
                _ = state.reduce(.keyPressed(.pageDown))
                _ = Screen.render(state)
            }
            return ms
        },
        Step(name: "user data: load 10k bookmarks, 20k notes", targetMs: 150, runs: 5) { context in
            if context.store == nil { context.store = try makeStore(context.state.catalogue!) }
            var state = context.state
            let store = context.store!
            let ms = try time {
                _ = state.reduce(.userDataLoaded(try store.snapshot(), readOnlyReason: nil))
                _ = Screen.render(state)
            }
            context.state = state
            return ms
        },
        Step(name: "keypress: toggle a bookmark", targetMs: 16, runs: 50) { context in
            var state = context.state
            state.reader = nil
            state.focus = .list
            state.list.selected = (context.round * 104_729) % state.listEntries.count
            context.round += 1
            let ms = time {
                _ = state.reduce(.keyPressed(.char("s")))
                _ = Screen.render(state)
            }
            return ms
        },
        Step(name: "open the bookmark list", targetMs: 20, runs: 20) { context in
            var state = context.state
            state.reader = nil
            state.focus = .menu
            state.menu.selected = .recent
            let ms = time {
                _ = state.reduce(.keyPressed(.down))
                _ = Screen.render(state)
            }
            precondition(state.list.source == .bookmarks && state.listEntries.count == bookmarkCount)
            return ms
        },
        Step(name: "open an article with 50 notes", targetMs: 20, runs: 20) { context in
            var state = context.state
            state.reader = nil
            state.focus = .list
            state.list.show(.node(state.catalogue!.taxonomy.allArticles))
            state.list.selected = 0
            let ms = try time {
                for effect in state.reduce(.keyPressed(.enter)) {
                    if case .loadArticle(let id) = effect, let header = state.catalogue?.header(id: id) {
                        _ = state.reduce(.articleLoaded(try context.bodies!.article(header)))
                    }
                }
                _ = Screen.render(state)
            }
            precondition(state.reader?.notes.all.count == notesOnOneArticle)
            context.state = state
            return ms
        },
        Step(name: "keypress: save a note", targetMs: 16, runs: 20) { context in
            var state = context.state
            _ = state.reduce(.keyPressed(.char("]")))
            _ = state.reduce(.keyPressed(.char("a")))
            for c in "A note typed in the bench." { _ = state.reduce(.keyPressed(.char(c))) }
            let ms = time {
                _ = state.reduce(.keyPressed(.ctrl("s")))
                _ = Screen.render(state)
            }
            return ms
        },
        Step(name: "store: commit one change (in background)", targetMs: 100, runs: 20) { context in
            let store = context.store!
            let header = context.state.catalogue!.headers[bookmarkCount + context.round % 1000]
            context.round += 1
            return try time {
                try store.write(.setBookmark(Bookmark(articleID: header.id), ArticleRef(id: header.id, title: header.title)))
            }
        },
        Step(name: "resize: reflow and redraw", targetMs: 10, runs: 20) { context in
            var state = context.state
            context.round += 1
            let size = context.round % 2 == 0 ? Size(width: 120, height: 40) : Size(width: 90, height: 28)
            let ms = time {
                _ = state.reduce(.resized(size))
                _ = Screen.render(state)
            }
            context.state = state
            return ms
        },
    ]

    static func run(_ steps: [Step], archive: String, cache: HeaderCache) throws -> [Measurement] {
        let size = Size(width: 120, height: 40)
        var context = Context(
            archive: archive, cache: cache, state: AppState(size: size, archiveLabel: "bench"), size: size)
        if steps.first?.name.hasPrefix("open, warm") == true {
            // Make sure the index exists before the warm steps.
            _ = try ArchiveReader.open(archive, cache: cache)
        }
        var results: [Measurement] = []
        for step in steps {
            var runs: [Double] = []
            for _ in 0..<step.runs { runs.append(try step.body(&context)) }
            results.append(Measurement(step: step.name, runs: runs))
        }
        return results
    }
}
