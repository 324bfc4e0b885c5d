import Foundation
import GRDB
import SteppeCore
import Synchronization

/// The full-text index of one archive: a derived cache in SQLite FTS5, never the source of truth.
///
/// Articles go in as search words (`SearchText`), so case, diacritics and endings are already folded;
/// FTS5 only splits on spaces and ranks with BM25 (title 10, authors 5, text 1), recency breaking ties.
/// The text table is contentless, which keeps the index well under the archive's size: an updated or
/// removed article's old row is only unlisted (`docs` is what a search joins), and the index is
/// rebuilt once such dead rows pass a quarter of the live ones.
///
/// `sync` brings it in step with an opened archive, re-indexing only articles whose line moved (an
/// import appends changed articles to a new segment); a missing, outdated or damaged file is rebuilt.
public final class SearchIndex: Sendable {
    public static let formatVersion = 2
    public let file: URL
    private let queue: DatabaseQueue
    /// Searches go through a connection of their own, so `interrupt()` stops a search and never a
    /// sync; the file is in WAL mode, so they also read while a sync writes.
    private let reader: DatabaseQueue

    public struct SyncSummary: Sendable, Equatable {
        public var indexed: Int
        public var removed: Int
        public var isRebuilt: Bool
    }

    /// Opens the index at `file`; a file that is damaged, not a database or of another format is
    /// deleted and made again (it holds nothing that cannot be rebuilt).
    public init(file: URL) throws {
        self.file = file
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if let queue = try? SearchIndex.open(file) {
            self.queue = queue
        } else {
            SearchIndex.delete(file)
            queue = try SearchIndex.open(file)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        reader = try DatabaseQueue(path: file.path, configuration: configuration)
        for suffix in ["", "-wal", "-shm"] { chmod(file.path + suffix, 0o600) }
    }

    deinit {
        // The reader first: the last connection to close folds the WAL back into the file and removes it.
        try? reader.close()
        try? queue.close()
    }

    /// Stops the search running now, if any, which then throws `.interrupted`. Any thread may call it.
    public func interrupt() {
        reader.interrupt()
    }

    /// Removes an index file and SQLite's files beside it.
    public static func delete(_ file: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(file.path + suffix) }
    }

    /// `$XDG_CACHE_HOME/steppe/search-<hash of the archive's path>.sqlite`.
    public static func file(for source: ArchiveSource, in directories: XDGDirectories = XDGDirectories()) -> URL {
        directories.steppeCache.appendingPathComponent("search-\(String(FNV1a.hash(source.metadataURL.path), radix: 16)).sqlite")
    }

    private static func open(_ file: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: file.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased() == "wal" else {
                throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "WAL mode")
            }
        }
        try queue.write { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA quick_check")
            guard integrity == "ok" else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: integrity) }
            let hasMeta = try db.tableExists("meta")
            if hasMeta {
                let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
                guard format == String(formatVersion) else { throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "format") }
                return
            }
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE docs(
                    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,
                    published INTEGER NOT NULL, language TEXT NOT NULL, nodes TEXT NOT NULL, authors TEXT NOT NULL);
                CREATE VIRTUAL TABLE fts USING fts5(title, body, authors, tags, content='', tokenize='unicode61');
                INSERT INTO meta VALUES ('format', '\(formatVersion)'), ('dead', '0'), ('next', '1');
                """)
        }
        return queue
    }

    // MARK: Keeping in step

    /// Indexes what changed since the last sync; `progress` hears (done, total) of the articles to index.
    /// The index starts again once unlisted rows pass `deadLimit` and a quarter of the live ones.
    @discardableResult
    public func sync(
        _ library: Library, deadLimit: Int = 1000, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> SyncSummary {
        let catalogue = library.catalogue
        let taxonomy = catalogue.taxonomy
        var known: [String: (rowid: Int64, version: Int64)] = [:]
        var dead = 0
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT rowid, id, version FROM docs")
            while let row = try rows.next() { known[row[1]] = (row[0], row[2]) }
            dead = Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dead'") ?? "0") ?? 0
        }
        var isRebuilt = false
        // Too many unlisted rows slow every search: start again.
        if dead > deadLimit && dead > known.count / 4 {
            try queue.write { db in
                // A contentless table is emptied by its own command: DELETE is refused.
                try db.execute(sql: "DELETE FROM docs; INSERT INTO fts(fts) VALUES('delete-all'); UPDATE meta SET value = '0' WHERE key = 'dead'")
            }
            known = [:]
            isRebuilt = true
        }
        let versions = SearchIndex.versions(library)
        var pending: [Int] = []
        var seen = Set<String>()
        seen.reserveCapacity(catalogue.headers.count)
        for (position, header) in catalogue.headers.enumerated() {
            seen.insert(header.id)
            if known[header.id]?.version != versions[position] { pending.append(position) }
        }
        let gone = known.keys.filter { !seen.contains($0) }
        if !gone.isEmpty {
            try queue.write { db in
                for id in gone { try db.execute(sql: "DELETE FROM docs WHERE id = ?", arguments: [id]) }
                try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'dead'", arguments: [gone.count])
            }
        }
        var done = 0
        progress?(0, pending.count)
        for start in stride(from: 0, to: pending.count, by: 256) {
            let batch = Array(pending[start..<min(start + 256, pending.count)])
            let documents = SearchIndex.documents(batch, library: library, taxonomy: taxonomy, versions: versions)
            try queue.write { db in
                var next = Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'next'") ?? "1") ?? 1
                var replaced = 0
                for document in documents {
                    try db.execute(sql: "DELETE FROM docs WHERE id = ?", arguments: [document.id])
                    if db.changesCount > 0 { replaced += 1 }
                    try db.execute(
                        sql: "INSERT INTO fts(rowid, title, body, authors, tags) VALUES (?, ?, ?, ?, ?)",
                        arguments: [next, document.title, document.body, document.authors, document.tags])
                    try db.execute(
                        sql: "INSERT INTO docs(rowid, id, version, published, language, nodes, authors) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [next, document.id, document.version, document.published, document.language, document.nodes, document.authorNames])
                    next += 1
                }
                try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'next'", arguments: [String(next)])
                if replaced > 0 {
                    try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'dead'", arguments: [replaced])
                }
            }
            done += batch.count
            progress?(done, pending.count)
        }
        return SyncSummary(indexed: pending.count, removed: gone.count, isRebuilt: isRebuilt)
    }

    struct Document: Sendable {
        var id: String
        var version: Int64
        var published: Int64
        var language: String
        var nodes: String
        var authorNames: String
        var title: String
        var body: String
        var authors: String
        /// Region, topic and section (with their groups) and language as words of their own
        /// (`SearchIndex.tag`), so those filters narrow the match inside FTS5, before anything is ranked.
        var tags: String
    }

    /// The tag word of a facet's slug or a language: "0", a letter for what it is, then the letters and
    /// digits of the value (`0rcentralasia`, `0tsecurity`, `0lru`): words no text holds, so tags and
    /// text do not match each other without a column filter (which slows every common word down).
    static func tag(_ kind: Character, _ value: String) -> String {
        "0" + String(kind) + String(value.lowercased().unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0)) })
    }

    /// What identifies an article's text without reading it: where its line lies (an import writes a
    /// changed article to a new place), or, in a single-file archive, the article itself.
    static func versions(_ library: Library) -> [Int64] {
        let files: [String]? = {
            if case .jsonLines(let files) = library.bodies.store { return files.urls.map(\.lastPathComponent) }
            return nil
        }()
        return library.catalogue.headers.map { header in
            var hasher = FNV1a()
            func mix(_ text: String) { hasher.add(text) }
            if let span = header.span, let files, files.indices.contains(span.file) {
                mix("\(files[span.file])|\(span.offset)|\(span.length)")
            } else if let article = try? library.bodies.article(header) {
                mix(String(decoding: ArticleLine.encode(article), as: UTF8.self))
            }
            mix(header.title)
            return Int64(bitPattern: hasher.value)
        }
    }

    /// Reads and folds a batch of articles on every core.
    static func documents(_ positions: [Int], library: Library, taxonomy: TaxonomyTable, versions: [Int64]) -> [Document] {
        let results = Mutex<[Document?]>(Array(repeating: nil, count: positions.count))
        DispatchQueue.concurrentPerform(iterations: positions.count) { i in
            let header = library.catalogue.headers[positions[i]]
            guard let article = try? library.bodies.article(header) else { return }
            var nodes = "|"
            var tags: [String] = []
            for node in header.nodes {
                var current: Int? = Int(node)
                while let n = current, n != taxonomy.allArticles {
                    let entry = taxonomy[n]
                    if let facet = entry.facet {
                        nodes += "\(facet.rawValue.prefix(1)):\(entry.slug)|"
                        tags.append(tag(facet.rawValue.first!, entry.slug))
                    }
                    current = entry.parent
                }
            }
            tags.append(tag("l", String(header.language.prefix { $0 != "-" && $0 != "_" })))
            let document = Document(
                id: header.id, version: versions[positions[i]], published: header.published.secondsSince1970,
                language: header.language.lowercased(), nodes: nodes,
                authorNames: "|" + header.authors.map(SearchText.fold).joined(separator: "|") + "|",
                title: SearchText.words(article.title).joined(separator: " "),
                body: SearchText.words(([article.summary ?? ""] + article.body.map(\.text)).joined(separator: " ")).joined(separator: " "),
                authors: SearchText.words(article.authors.joined(separator: " ")).joined(separator: " "),
                tags: Array(Set(tags)).sorted().joined(separator: " "))
            results.withLock { $0[i] = document }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    // MARK: Searching

    /// The ids of the best matches, best first. `keep` filters on what the index does not know (the
    /// reader's bookmarks, notes and reading marks); it is asked in rank order until `limit` are kept.
    /// `isCancelled` is asked when the search gets its turn on the connection: one that waited behind
    /// another and is no longer wanted stops there, as `.interrupted`.
    public func search(
        _ query: SearchQuery, limit: Int, keep: ((String) -> Bool)? = nil, isCancelled: () -> Bool = { false }
    ) throws(SearchProblem) -> [String] {
        do {
            return try run(query, limit: limit, keep: keep, isCancelled: isCancelled)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw .interrupted
        } catch let missing as MissingLanguage {
            throw .badValue(filter: "lang", value: missing.code)
        } catch let error as DatabaseError {
            // SQLite's own words, without the statement.
            throw .indexUnavailable(error.message ?? "\(error.resultCode)")
        } catch {
            throw .indexUnavailable("\(error)")
        }
    }

    private func run(_ query: SearchQuery, limit: Int, keep: ((String) -> Bool)?, isCancelled: () -> Bool) throws -> [String] {
        guard !query.isEmpty else { return [] }
        // Every filter is a condition on `docs`. Region, topic, section and language are also tag
        // words (`tagged`), which FTS5 matches along with the words, so that only what passes is
        // ranked; what is left (`sideConditions`) is checked on `docs` beside the match.
        typealias Condition = (sql: String, arguments: [any DatabaseValueConvertible])
        var tagged: [Condition] = []
        var sideConditions: [Condition] = []
        var tagTerms: [String] = []
        for filter in query.filters {
            switch filter {
            case .node(let facet, let slug):
                tagTerms.append("tags : \"\(SearchIndex.tag(facet.rawValue.first!, slug))\"")
                tagged.append(("docs.nodes LIKE ?", ["%|\(facet.rawValue.prefix(1)):\(slug)|%"]))
            case .language(let code):
                // The language itself or one of its regional forms ("ru", "ru-kz"), as its tag word has it.
                let language: Condition = ("(docs.language = ? OR docs.language LIKE ?)", [code, "\(code)-%"])
                // A language no article is in is a mistake to name, not an empty answer.
                let exists = try reader.read { db in
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM docs WHERE \(language.sql))", arguments: StatementArguments(language.arguments))
                }
                if exists != true { throw MissingLanguage(code: code) }
                tagTerms.append("tags : \"\(SearchIndex.tag("l", code))\"")
                tagged.append(language)
            case .author(let name):
                // The name as it is written: % and _ are letters here, not wildcards.
                let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                sideConditions.append(("docs.authors LIKE ? ESCAPE '\\'", ["%\(escaped)%"]))
            case .from(let seconds):
                sideConditions.append(("docs.published >= ?", [seconds]))
            case .before(let seconds):
                sideConditions.append(("docs.published < ?", [seconds]))
            case .bookmarked, .unread, .hasNote:
                break
            }
        }
        let positive = query.positiveClauses.map(SearchIndex.expression).joined(separator: " AND ")
        let negative = query.clauses.filter(\.isExcluded).map(SearchIndex.expression)
        var arguments: [any DatabaseValueConvertible] = []
        let sql: String
        if positive.isEmpty {
            // Filters alone: every article that passes, newest first.
            var conditions = (tagged + sideConditions).map(\.sql)
            arguments = (tagged + sideConditions).flatMap(\.arguments)
            if !negative.isEmpty {
                conditions.append("docs.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                arguments.append(negative.joined(separator: " OR "))
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            sql = "SELECT docs.id FROM docs \(whereClause) ORDER BY docs.published DESC"
        } else {
            let match = ([positive] + tagTerms).joined(separator: " AND ") + negative.map { " NOT \($0)" }.joined()
            // Nothing left for `docs` to decide: rank inside FTS5 alone, then look up the few best.
            if sideConditions.isEmpty, keep == nil {
                if let ids = try rankedOnly(match, limit: limit, margin: 64, isCancelled: isCancelled)
                    ?? rankedOnly(match, limit: limit, margin: nil, isCancelled: isCancelled)
                {
                    return ids
                }
            }
            arguments = [match] + sideConditions.flatMap(\.arguments)
            let extra = sideConditions.map { " AND " + $0.sql }.joined()
            sql = """
                SELECT docs.id FROM fts JOIN docs ON docs.rowid = fts.rowid
                WHERE fts MATCH ?\(extra)
                ORDER BY bm25(fts, 10.0, 1.0, 5.0, 0.0), docs.published DESC
                """
        }
        return try reader.read { db in
            if isCancelled() { throw DatabaseError(resultCode: .SQLITE_INTERRUPT) }
            var ids: [String] = []
            let cursor = try String.fetchCursor(
                db, sql: keep == nil ? sql + " LIMIT \(max(0, limit))" : sql, arguments: StatementArguments(arguments))
            while ids.count < limit, let id = try cursor.next() {
                if keep?(id) ?? true { ids.append(id) }
            }
            return ids
        }
    }

    /// The best `limit` of a match, ranked by FTS5 without joining every match to `docs`; recency breaks
    /// ties among those fetched. Unlisted (dead) rows are skipped, so a margin is fetched; nil when the
    /// margin was not enough.
    private func rankedOnly(_ match: String, limit: Int, margin: Int?, isCancelled: () -> Bool) throws -> [String]? {
        try reader.read { db -> [String]? in
            if isCancelled() { throw DatabaseError(resultCode: .SQLITE_INTERRUPT) }
            let fetch = margin.map { " LIMIT \(limit + $0)" } ?? ""
            let rows = try Row.fetchAll(
                db, sql: "SELECT rowid, bm25(fts, 10.0, 1.0, 5.0, 0.0) AS score FROM fts WHERE fts MATCH ? ORDER BY score\(fetch)",
                arguments: [match])
            guard !rows.isEmpty else { return [] }
            var scores: [Int64: Double] = [:]
            for row in rows { scores[row[0]] = row[1] }
            let list = scores.keys.map(String.init).joined(separator: ",")
            var found: [(id: String, score: Double, published: Int64)] = []
            let docs = try Row.fetchCursor(db, sql: "SELECT rowid, id, published FROM docs WHERE rowid IN (\(list))")
            while let row = try docs.next() {
                let rowid: Int64 = row[0]
                found.append((row[1], scores[rowid] ?? 0, row[2]))
            }
            if let margin, found.count < limit, rows.count == limit + margin { return nil }
            found.sort { $0.score != $1.score ? $0.score < $1.score : $0.published > $1.published }
            return found.prefix(limit).map(\.id)
        }
    }

    private struct MissingLanguage: Error {
        var code: String
    }

    /// An FTS5 expression for a clause; search words hold only letters and digits, so quoting is safe.
    static func expression(_ clause: SearchQuery.Clause) -> String {
        let terms = clause.alternatives.map { term -> String in
            switch term {
            case .word(let word, let isPrefix): return "\"\(word)\"" + (isPrefix ? "*" : "")
            case .phrase(let words): return "\"" + words.joined(separator: " ") + "\""
            }
        }
        return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
    }

    /// Articles in the index, for reports and tests.
    public func count() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM docs") ?? 0 }
    }
}
