import ArgumentParser
import Foundation
import SteppeCore
import SteppeImport

#if canImport(Glibc)
    import Glibc
#endif

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutImport)

    @Argument(help: ArgumentHelp(strings.helpImportPaths, valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp(strings.helpImportArchive, valueName: "dir"), completion: .directory)
    var archive: String?

    @Option(name: .long, help: ArgumentHelp(strings.helpImportURL))
    var url: String?

    @Option(name: .long, help: ArgumentHelp(strings.helpImportRegion, valueName: "region"), completion: Completions.regions)
    var region: [String] = []

    @Option(name: .long, help: ArgumentHelp(strings.helpImportTopic, valueName: "topic"), completion: Completions.topics)
    var topic: [String] = []

    @Flag(name: .long, help: ArgumentHelp(strings.helpImportExplain))
    var explain = false

    @Flag(name: .long, help: ArgumentHelp(strings.helpImportJSON))
    var json = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError(strings.importNeedsPaths) }
        if archive?.isEmpty == true { throw ValidationError(strings.importArchiveEmpty) }
        if let url, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://"))
            || URL(string: url)?.host?.isEmpty != false
        {
            throw ValidationError(VisibleText.escape(strings.importURLNotWeb(url)))
        }
        if let archive, archive.lowercased().hasSuffix(".json"), !FileManager.default.fileExists(atPath: archive) {
            throw ValidationError(VisibleText.escape(archive + ": " + strings.importNeedsFolder))
        }
        // One URL names one page.
        var isDirectory: ObjCBool = false
        if url != nil, paths.count != 1 || (FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw ValidationError(strings.importURLNeedsOnePage)
        }
    }

    func run() throws {
        let directories = XDGDirectories()
        let folder = archive.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) } ?? directories.userArchive
        var options = ImportOptions()
        options.url = url
        options.regions = region
        options.topics = topic
        options.explains = explain
        // Tags named on the command line must exist in the archive's taxonomy, checked before anything is written.
        let taxonomy = (try? ArchiveReader.prepare(folder.path))?.taxonomy ?? TaxonomyTable(.eurasianet)
        let checker = ArticleAssembler(taxonomy: taxonomy, options: options)
        for (tag, facet) in region.map({ ($0, Facet.regions) }) + topic.map({ ($0, Facet.topics) })
        where checker.facet(of: tag) != facet {
            fail(VisibleText.escape(strings.unknownTag(tag, facet: facet == .regions ? "region" : "topic")))
        }
        // Inputs first: standard input may take a while to arrive, and nothing is made until it has.
        let sources = ImportSources(paths)
        let update: ArchiveUpdate
        do {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
            // A name like "x.json" is a single-file archive, which imports cannot write; never make a folder of it.
            if exists && !isDirectory.boolValue {
                fail(VisibleText.escape(folder.path) + ": " + strings.importNeedsFolder)
            }
            update = try ArchiveUpdate(directory: folder, newArchiveTitle: "Eurasianet archive", cache: HeaderCache.standard(directories))
        } catch {
            fail(strings.archiveError(error))
        }
        let bar = ProgressBar(isShown: isatty(STDERR_FILENO) == 1 && !json)
        let importer = Importer(update: update, options: options) { bar.update($0) }
        let report: ImportReport
        do {
            report = try importer.run(sources)
        } catch {
            bar.clear()
            fail(strings.archiveError(error))
        }
        bar.clear()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(report)) ?? Data()
            Output.print(String(decoding: data, as: UTF8.self) + "\n")
            if !report.skipped.isEmpty { throw ExitCode(2) }
            return
        }
        var text = ""
        for explanation in report.explanations {
            text += VisibleText.escape("\(explanation.id): \(explanation.title) (\(explanation.source))") + "\n"
            for line in Import.explain(explanation.tags) { text += "  " + VisibleText.escape(line) + "\n" }
        }
        if !report.skipped.isEmpty {
            text += strings.skippedHeading + "\n"
            for skip in report.skipped {
                let place = skip.place.map { "\(skip.path): \(strings.importPlace($0))" } ?? skip.path
                text += "  " + VisibleText.escape("\(place): \(strings.importProblem(skip.problem))") + "\n"
            }
        }
        let archiveExists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveSource.metadataFileName).path)
        text += VisibleText.escape(
            strings.importSummary(
                added: report.added, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped.count,
                total: archiveExists ? report.archiveArticles : nil,
                archive: ArchiveChoice.abbreviate(report.archive, home: ProcessInfo.processInfo.environment["HOME"])))
            + "\n"
        Output.print(text)
        // 0: everything imported; 2: something was skipped (the rest was imported).
        if !report.skipped.isEmpty { throw ExitCode(2) }
    }
}

extension Import {
    /// The lines `--explain` prints for one article, in the interface language.
    static func explain(_ tags: TagExplanation) -> [String] {
        var lines: [String] = []
        for given in tags.given {
            lines.append(strings.explainGiven(facet: given.facet, slug: given.slug, tag: given.tag, onCommandLine: given.isFromCommandLine))
        }
        for tag in tags.ignored { lines.append(strings.explainIgnored(tag)) }
        for (facet, scores, threshold) in [(Facet.regions, tags.regions, Tagger.regionThreshold), (.topics, tags.topics, Tagger.topicThreshold)] {
            guard let scores else { continue }
            if scores.isEmpty { lines.append(strings.explainNothingFound(facet)) }
            for score in scores.prefix(8) {
                let evidence = score.evidence.map { (term: $0.term, count: $0.count, place: $0.place.rawValue) }
                lines.append(
                    strings.explainScore(
                        facet: facet, slug: score.slug, isGiven: score.isGiven, score: score.score, threshold: threshold,
                        evidence: evidence))
            }
        }
        return lines
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal and only for imports that
/// take a moment (more than a handful of files, or a large file), never wider than the terminal.
final class ProgressBar {
    let isShown: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(isShown: Bool) { self.isShown = isShown }

    func update(_ progress: ImportProgress) {
        guard isShown, progress.filesTotal > 5 || progress.bytesTotal > 16 << 20 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesDone) / Double(progress.bytesTotal)) : 0
        let byFiles = progress.filesTotal > 5
        let done = byFiles ? progress.filesDone : progress.articles
        let rate = Int(Double(done) / elapsed)
        // An estimate from the first moments says nothing: wait for a second and a few percent.
        let left: String
        if elapsed >= 1, fraction >= 0.03 {
            let remaining = elapsed * (1 - fraction) / fraction
            left = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        } else {
            left = "…"
        }
        let label = byFiles
            ? strings.importProgress(done: done, total: progress.filesTotal, unit: strings.filesUnit, rate: rate, left: left)
            : strings.importProgressInFile(articles: done, rate: rate, left: left)
        let columns = ProgressBar.terminalColumns()
        let barWidth = max(0, min(24, columns - DisplayWidth.of(label) - 2))
        let filled = min(barWidth, Int(fraction * Double(barWidth)))
        var line = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        line += (barWidth > 0 ? " " : "") + VisibleText.escape(label)
        // Never as wide as the terminal: a full line would wrap, and the next "\r" would not undo it.
        Output.printError("\r\u{1B}[K" + DisplayWidth.truncate(line, to: max(1, columns - 1)))
        drawn = true
    }

    func clear() {
        if drawn { Output.printError("\r\u{1B}[K") }
    }

    static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
