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

    @Option(name: .long, help: ArgumentHelp(strings.helpImportArchive, valueName: "dir"))
    var archive: String?

    @Option(name: .long, help: ArgumentHelp(strings.helpImportURL))
    var url: String?

    @Option(name: .long, help: ArgumentHelp(strings.helpImportRegion, valueName: "region"))
    var region: [String] = []

    @Option(name: .long, help: ArgumentHelp(strings.helpImportTopic, valueName: "topic"))
    var topic: [String] = []

    @Flag(name: .long, help: ArgumentHelp(strings.helpImportExplain))
    var explain = false

    @Flag(name: .long, help: ArgumentHelp(strings.helpImportJSON))
    var json = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError(strings.importNeedsPaths) }
    }

    func run() throws {
        let directories = XDGDirectories()
        let folder = archive.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) } ?? directories.userArchive
        var options = ImportOptions()
        options.url = url
        options.regions = region
        options.topics = topic
        options.explains = explain
        let update: ArchiveUpdate
        do {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                fail(VisibleText.escape(folder.path) + ": " + strings.importSingleFileArchive)
            }
            update = try ArchiveUpdate(directory: folder, newArchiveTitle: "Eurasianet archive", cache: HeaderCache.standard(directories))
        } catch {
            fail(strings.archiveError(error))
        }
        let assembler = ArticleAssembler(taxonomy: update.taxonomy, options: options)
        for (tag, facet) in region.map({ ($0, Facet.regions) }) + topic.map({ ($0, Facet.topics) })
        where assembler.facet(of: tag) != facet {
            fail(VisibleText.escape(strings.unknownTag(tag, facet: facet == .regions ? "region" : "topic")))
        }
        let bar = ProgressBar(isShown: isatty(STDERR_FILENO) == 1 && !json)
        let importer = Importer(update: update, options: options) { bar.update($0) }
        let report: ImportReport
        do {
            report = try importer.run(paths)
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
            return
        }
        var text = ""
        for explanation in report.explanations {
            text += VisibleText.escape("\(explanation.id): \(explanation.title) (\(explanation.source))") + "\n"
            for line in explanation.lines { text += "  " + VisibleText.escape(line) + "\n" }
        }
        if !report.skipped.isEmpty {
            text += strings.skippedHeading + "\n"
            for skip in report.skipped {
                let place = skip.place.map { "\(skip.path): \($0)" } ?? skip.path
                text += "  " + VisibleText.escape("\(place): \(skip.reason)") + "\n"
            }
        }
        text += VisibleText.escape(
            strings.importSummary(
                added: report.added, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped.count,
                total: report.archiveArticles, archive: ArchiveChoice.abbreviate(report.archive, home: ProcessInfo.processInfo.environment["HOME"])))
            + "\n"
        Output.print(text)
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal and only for imports that
/// take a moment (more than a handful of files, or a large file).
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
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) : 0
        let byFiles = progress.filesTotal > 5
        let done = byFiles ? progress.filesDone : progress.articles
        let rate = Int(Double(done) / elapsed)
        let remaining = fraction > 0.01 ? elapsed * (1 - fraction) / fraction : 0
        let left = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let label = strings.importProgress(
            done: done, total: byFiles ? progress.filesTotal : progress.articles, unit: byFiles ? strings.filesUnit : strings.articlesUnit,
            rate: rate, left: left)
        Output.printError("\r\u{1B}[K" + bar + " " + VisibleText.escape(label))
        drawn = true
    }

    func clear() {
        if drawn { Output.printError("\r\u{1B}[K") }
    }
}
