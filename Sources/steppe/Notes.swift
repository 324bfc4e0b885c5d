import ArgumentParser
import Foundation
import SteppeCore
import SteppeStore

/// `steppe notes export|import`: the reader's notes and bookmarks out to Markdown or JSON, and back.
struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: strings.aboutNotes, subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: strings.aboutNotesExport)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, json
        }

        @OptionGroup var options: ArchiveOptions

        @Option(help: ArgumentHelp(strings.helpExportFormat))
        var format: Format = .markdown

        @Option(help: ArgumentHelp(strings.helpRegion), completion: Completions.regions)
        var region: String?

        @Option(help: ArgumentHelp(strings.helpLabel))
        var label: String?

        func run() throws {
            let snapshot = UserStore.openForCommand(writing: false).snapshotForCommand()
            if let label, !snapshot.bookmarks.values.contains(where: { $0.labels.contains(label) }) {
                fail(strings.noSuchLabel(label))
            }
            // The archive only improves titles and regions; notes export without it.
            let catalogue = try? ArchiveReader.open(options.choose().path, cache: HeaderCache.standard()).catalogue
            var regionSlugs: Set<String>?
            if let region {
                guard let catalogue, let node = catalogue.taxonomy.index(of: region, in: .regions) else {
                    fail(strings.unknownSlug(.regions, region))
                }
                // A group stands for its countries.
                var slugs = Set<String>()
                func add(_ n: Int) {
                    slugs.insert(catalogue.taxonomy[n].slug)
                    for child in catalogue.taxonomy[n].children { add(child) }
                }
                add(node)
                regionSlugs = slugs
            }
            func regions(of id: String) -> [String] {
                if let catalogue, let header = catalogue.header(id: id) {
                    return header.nodes.map { catalogue.taxonomy[Int($0)] }.filter { $0.facet == .regions }.map(\.slug)
                }
                return snapshot.articles[id]?.regions ?? []
            }
            let export = UserExport(snapshot) { id in
                if let label, snapshot.bookmarks[id]?.labels.contains(label) != true { return false }
                if let regionSlugs, regionSlugs.isDisjoint(with: regions(of: id)) { return false }
                return true
            }
            switch format {
            case .json:
                Output.print(VisibleText.json(String(decoding: export.encoded(), as: UTF8.self)) + "\n")
            case .markdown:
                let text = NotesMarkdown.render(export, info: { id in
                    let stored = snapshot.articles[id]
                    let names = regions(of: id).map { slug in
                        catalogue?.taxonomy.index(of: slug, in: .regions).map { catalogue!.taxonomy[$0].name(in: strings.language) } ?? slug
                    }
                    if let catalogue, let header = catalogue.header(id: id) {
                        return NotesMarkdown.ArticleInfo(
                            title: header.title, published: header.published, url: header.url, regions: names, isMissing: false)
                    }
                    return NotesMarkdown.ArticleInfo(
                        title: stored?.title ?? id, published: stored?.published, url: stored?.url ?? "", regions: names,
                        isMissing: catalogue != nil)
                }, strings: strings)
                Output.print(text)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: strings.aboutNotesImport)

        @OptionGroup var language: LanguageOption

        @Argument(help: ArgumentHelp(strings.helpImportFile, valueName: "file"))
        var file: String

        func run() throws {
            let url = URL(fileURLWithPath: file)
            do throws(ArchiveError) {
                try RegularFile.check(url)
            } catch {
                fail(strings.archiveError(error))
            }
            guard let data = RegularFile.read(url, limit: 256 << 20) else { fail(strings.cannotReadExport(file)) }
            let export: UserExport
            do throws(UserExport.DecodeError) {
                export = try UserExport.decode(data)
            } catch {
                fail(strings.notAnExport(file, error))
            }
            let store = UserStore.openForCommand(writing: true)
            if let reason = store.readOnlyReason { fail(strings.storeReadOnly(store.file.path, reason)) }
            let changes = export.changes(mergingInto: store.snapshotForCommand())
            do throws(StoreError) {
                try store.write(all: changes)
            } catch {
                fail(strings.storeReadOnly(error.path, error.problem))
            }
            var bookmarks = 0
            var notes = 0
            for change in changes {
                if case .setBookmark = change { bookmarks += 1 } else { notes += 1 }
            }
            Output.print(strings.importSummary(bookmarks: bookmarks, notes: notes, unchanged: export.bookmarks.count + export.notes.count - changes.count) + "\n")
        }
    }
}

/// `steppe bookmarks`: the bookmark list, newest first.
struct Bookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutBookmarks)

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp(strings.helpLabel))
    var label: String?

    @Flag(help: ArgumentHelp(strings.helpJSON))
    var json = false

    func run() throws {
        let snapshot = UserStore.openForCommand(writing: false).snapshotForCommand()
        if let label, !snapshot.bookmarks.values.contains(where: { $0.labels.contains(label) }) {
            fail(strings.noSuchLabel(label))
        }
        let catalogue = try? ArchiveReader.open(options.choose().path, cache: HeaderCache.standard()).catalogue
        let ids = snapshot.bookmarkedIDs(label: label)
        if json {
            let export = UserExport(snapshot) { snapshot.bookmarks[$0] != nil && (label == nil || snapshot.bookmarks[$0]!.labels.contains(label!)) }
            var entries: [BookmarkEntry] = []
            let references = Dictionary(export.articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for id in ids {
                let bookmark = snapshot.bookmarks[id]!
                let header = catalogue?.header(id: id)
                entries.append(BookmarkEntry(
                    id: id, title: header?.title ?? references[id]?.title ?? id, url: header?.url ?? references[id]?.url ?? "",
                    published: (header?.published ?? references[id]?.published)?.isoString,
                    bookmarked: bookmark.createdAt.map(BookmarkEntry.iso) ?? "", labels: bookmark.labels,
                    notes: snapshot.notes[id]?.count ?? 0, inArchive: header != nil))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(VisibleText.json(String(decoding: try encoder.encode(entries), as: UTF8.self)) + "\n")
            return
        }
        var output = ""
        for id in ids {
            let bookmark = snapshot.bookmarks[id]!
            let header = catalogue?.header(id: id)
            let stored = snapshot.articles[id]
            let date = (header?.published ?? stored?.published)?.dayString ?? String(repeating: " ", count: 10)
            var line = "\(date)\t\(VisibleText.escape(id))\t\(TextSanitizer.clean(header?.title ?? stored?.title ?? id))"
            if !bookmark.labels.isEmpty { line += "\t[" + bookmark.labels.map(TextSanitizer.clean).joined(separator: ", ") + "]" }
            if let n = snapshot.notes[id]?.count, n > 0 { line += "\t" + strings.noteCount(n) }
            if catalogue != nil && header == nil { line += "\t(" + strings.missingFromArchive + ")" }
            output += line + "\n"
        }
        Output.print(output)
    }
}

/// One bookmark in `steppe bookmarks --json`.
private struct BookmarkEntry: Encodable {
    var id: String
    var title: String
    var url: String
    var published: String?
    var bookmarked: String
    var labels: [String]
    var notes: Int
    var inArchive: Bool

    static func iso(_ stamp: Stamp) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(stamp) / 1000))
    }
}

extension UserStore {
    /// The store of the user running a command; one that only reads does not create it.
    static func openForCommand(writing: Bool) -> UserStore { UserStore(file: XDGDirectories().userStore, forWriting: writing) }

    /// Everything in the store, or a one-line error: an unreadable store is never passed off as an
    /// empty one. A damaged one that could be read in part says so on standard error.
    func snapshotForCommand() -> UserSnapshot {
        do throws(StoreError) {
            let snapshot = try snapshot()
            if readOnlyReason == .damaged {
                Output.printError("steppe: \(VisibleText.escape(strings.storePartlyRead(file.path)))\n")
            }
            return snapshot
        } catch {
            fail(strings.storeUnreadable(error.path, error.problem))
        }
    }
}
