import ArgumentParser
import Foundation
import SteppeCore
import SteppeSearch
import SteppeStore

#if canImport(Glibc)
    import Glibc
#endif

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutSearch, discussion: strings.searchSyntaxHelp)

    /// Words may begin with "-" (an exclusion): they are the query's, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(strings.helpSearchQuery, valueName: "query"))
    var words: [String]

    /// Taken whatever follows, so that `--limit -1` is refused for its value, not read as an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(strings.helpSearchLimit))
    var limit = 20

    @Flag(name: .long, help: ArgumentHelp(strings.helpJSON))
    var json = false

    @OptionGroup var options: ArchiveOptions

    /// The query's words: a `--` on its own ends the options, and what follows is query whatever it looks like.
    private var queryWords: [String] {
        guard let end = words.firstIndex(of: "--") else { return words }
        return Array(words[..<end]) + Array(words[(end + 1)...])
    }

    func validate() throws {
        if queryWords.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(strings.searchNeedsQuery) }
        if limit < 1 { throw ValidationError(strings.searchLimitPositive) }
        // "-word" excludes a word; "--word" before a "--" is an option that does not exist.
        if let option = words.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") }) {
            throw ValidationError(VisibleText.escape(strings.unknownSearchOption(option)))
        }
    }

    func run() throws {
        let library = options.openLibrary()
        let text = queryWords.joined(separator: " ")
        let query: SearchQuery
        do {
            query = try SearchQuery.parse(text, taxonomy: library.catalogue.taxonomy)
        } catch {
            fail(VisibleText.escape(strings.searchProblem(error)))
        }
        let index: SearchIndex
        do {
            let file = SearchIndex.file(for: library.catalogue.source)
            let showsProgress = isatty(STDERR_FILENO) == 1
            let progress: @Sendable (Int, Int) -> Void = { done, total in
                guard showsProgress, total > 200 else { return }
                Output.printError("\r\u{1B}[K" + strings.searchIndexing(done: done, total: total))
                if done == total { Output.printError("\r\u{1B}[K") }
            }
            do {
                let first = try SearchIndex(file: file)
                try first.sync(library, progress: progress)
                index = first
            } catch {
                // Damaged in a way opening did not show: made again from the archive, once.
                SearchIndex.delete(file)
                let again = try SearchIndex(file: file)
                try again.sync(library, progress: progress)
                index = again
            }
        } catch {
            fail(VisibleText.escape(strings.searchIndexFailed(String(describing: error))))
        }
        let needsUserData = query.filters.contains { $0 == .bookmarked || $0 == .unread || $0 == .hasNote }
        var keep: ((String) -> Bool)?
        if needsUserData {
            let store = UserStore(file: XDGDirectories().userStore, forWriting: false)
            let snapshot: UserSnapshot
            do {
                snapshot = try store.snapshot()
            } catch {
                fail(VisibleText.escape(error.description))
            }
            keep = query.ownListFilter(
                isBookmarked: snapshot.isBookmarked, isRead: snapshot.isRead, hasNote: { !snapshot.notes(on: $0).isEmpty })
        }
        let ids: [String]
        do {
            ids = try index.search(query, limit: limit, keep: keep)
        } catch {
            fail(VisibleText.escape(strings.searchProblem(error)))
        }
        var results: [SearchResult] = []
        for id in ids {
            guard let header = library.catalogue.header(id: id) else { continue }
            let article = try? library.bodies.article(header)
            let snippet = article.map { SearchSnippet.make($0, query: query, width: 100) } ?? SearchSnippet(text: "", highlights: [])
            results.append(
                SearchResult(
                    id: header.id, title: header.title, date: header.published.isoString, url: header.url, snippet: snippet.text,
                    highlights: snippet.highlights.map { [$0.lowerBound, $0.upperBound] }))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(VisibleText.json(String(decoding: try encoder.encode(results), as: UTF8.self)) + "\n")
            return
        }
        if results.isEmpty {
            Output.print(strings.searchNothingFound + "\n")
            return
        }
        var output = ""
        for result in results {
            output += "\(result.date.prefix(10))\t\(VisibleText.escape(result.id))\t\(VisibleText.escape(result.title))\n"
            if !result.url.isEmpty { output += "\t" + VisibleText.escape(result.url) + "\n" }
            if !result.snippet.isEmpty { output += "\t" + VisibleText.escape(result.snippet) + "\n" }
        }
        Output.print(output)
    }
}

/// One result of `steppe search --json`; `highlights` are [start, end) display columns in `snippet`.
struct SearchResult: Encodable {
    var id: String
    var title: String
    var date: String
    var url: String
    var snippet: String
    var highlights: [[Int]]
}
