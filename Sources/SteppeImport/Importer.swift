import Foundation
import SteppeCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Imports saved pages, HTML pages, feeds and JSON into a folder archive.
///
/// Files are read and parsed in batches on every core; articles reach the archive in input order, so
/// the same inputs always give the same archive. Nothing is written until `ArchiveUpdate.commit`.
public final class Importer {
    public typealias Progress = (ImportProgress) -> Void

    /// Larger pages than this are not pages.
    public static let pageLimit = 64 << 20
    /// A line of a text page or a JSON Lines record longer than this is refused.
    public static let lineLimit = 1 << 20
    public static let recordLimit = 8 << 20

    let update: ArchiveUpdate
    let assembler: ArchiveAssembler
    var report = ImportReport()
    var firstPlace: [String: (path: String, place: ImportPlace?)] = [:]
    var bytesOfFinishedFiles: Int64 = 0
    var progressState = ImportProgress(filesDone: 0, filesTotal: 0, articles: 0, bytesDone: 0, bytesTotal: 0)
    let progress: Progress?

    public init(update: ArchiveUpdate, options: ImportOptions, progress: Progress? = nil) {
        self.update = update
        assembler = ArchiveAssembler(ArticleAssembler(taxonomy: update.taxonomy, options: options))
        self.progress = progress
    }

    /// Imports every input (files, folders searched recursively, "-" for standard input) and commits.
    public func run(_ inputs: [String]) throws(ArchiveError) -> ImportReport {
        try run(ImportSources(inputs))
    }

    /// Imports sources found before the archive was opened, and commits.
    public func run(_ sources: ImportSources) throws(ArchiveError) -> ImportReport {
        let files = sources.files
        report.skipped += sources.skipped
        progressState.filesTotal = files.count
        progressState.bytesTotal = files.reduce(0) { $0 + $1.size }
        report.files = files.count

        var pages: [(InputFile, InputFile.Kind)] = []
        for file in files {
            switch file.sniff() {
            case .failure(let problem):
                skip(file.displayPath, nil, problem)
                finished(file)
            case .success(let kind) where kind == .page || kind == .html:
                pages.append((file, kind))
            case .success(let kind):
                try flushPages(&pages)
                try importStream(file, kind)
                finished(file)
            }
            if pages.count >= 64 { try flushPages(&pages) }
        }
        try flushPages(&pages)
        let summary = try update.commit()
        report.archiveArticles = summary.articleCount
        report.archive = update.directory.path
        return report
    }

    private func finished(_ file: InputFile) {
        progressState.filesDone += 1
        bytesOfFinishedFiles += file.size
        progressState.bytesDone = bytesOfFinishedFiles
        file.cleanUp()
        progress?(progressState)
    }

    /// Progress part way through a large file.
    private func reportProgress(within file: InputFile, at offset: Int64?) {
        if let offset { progressState.bytesDone = bytesOfFinishedFiles + min(max(offset, 0), file.size) }
        progress?(progressState)
    }

    private func skip(_ path: String, _ place: ImportPlace?, _ problem: ImportProblem) {
        report.skipped.append(ImportReport.Skip(path: path, place: place, problem: problem))
    }

    /// Parses a batch of single-article files in parallel, then adds them in order.
    private func flushPages(_ pages: inout [(InputFile, InputFile.Kind)]) throws(ArchiveError) {
        guard !pages.isEmpty else { return }
        let batch = pages
        pages.removeAll()
        let assembler = self.assembler.value
        let results = Parallel.map(batch) { file, kind -> Result<AssembledArticle, ImportProblem> in
            do throws(ImportProblem) {
                let draft = try file.parsePage(kind)
                return .success(try assembler.assemble(draft, fileName: file.fileName))
            } catch {
                return .failure(error)
            }
        }
        for ((file, _), result) in zip(batch, results) {
            try add(result, path: file.displayPath, place: nil)
            finished(file)
        }
    }

    private func add(_ result: Result<AssembledArticle, ImportProblem>, path: String, place: ImportPlace?) throws(ArchiveError) {
        switch result {
        case .failure(let problem):
            skip(path, place, problem)
        case .success(let assembled):
            let here = path + (place.map { " " + Strings.english.importPlace($0) } ?? "")
            let (outcome, id) = try update.add(assembled.article, line: assembled.line, nodes: assembled.nodes)
            switch outcome {
            case .added: report.added += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            case .repeated:
                let first = firstPlace[id]
                skip(path, place, .repeated(id: id, firstPath: first?.path ?? path, firstPlace: first?.place))
                return
            }
            firstPlace[id] = (path, place)
            report.articles.append(
                ImportReport.Entry(id: id, title: assembled.article.title, outcome: outcome.rawValue, source: here))
            progressState.articles += 1
            if assembler.value.options.explains {
                report.explanations.append(
                    ImportReport.Explanation(
                        id: id, title: assembled.article.title, source: here, tags: assembled.explanation))
            }
        }
    }

    /// Feeds and JSON: many articles per file, converted in batches.
    private func importStream(_ file: InputFile, _ kind: InputFile.Kind) throws(ArchiveError) {
        let assembler = self.assembler.value
        let path = file.displayPath
        switch kind {
        case .feed:
            let fd = try RegularFile.open(file.url)
            defer { close(fd) }
            let end = try Pipeline.run(
                produce: { send in
                    var batch: [FeedItem] = []
                    var end = Pipeline.End.finished
                    do {
                        try FeedParser.read(
                            fd: fd, path: path,
                            item: { item in
                                batch.append(item)
                                if batch.count >= 256 {
                                    let full = batch
                                    batch = []
                                    guard send(full) else { throw CancellationError() }
                                }
                            },
                            broken: { problem in end = .broken(problem) })
                    } catch let problem as ImportProblem {
                        end = .refused(problem)
                    } catch {
                        // Cancelled: the consumer has stopped and reports why.
                        end = .finished
                    }
                    _ = send(batch)
                    return end
                },
                transform: { (item: FeedItem) -> Result<AssembledArticle, ImportProblem> in
                    do throws(ImportProblem) {
                        return .success(try assembler.assemble(try item.draft()))
                    } catch {
                        return .failure(error)
                    }
                },
                consume: { (items: [FeedItem], results: [Result<AssembledArticle, ImportProblem>]) throws(ArchiveError) in
                    for (item, result) in zip(items, results) { try add(result, path: path, place: .item(item.index)) }
                    reportProgress(within: file, at: items.last?.offset)
                })
            switch end {
            case .finished: break
            case .broken(let problem), .refused(let problem): skip(path, nil, problem)
            }
        case .jsonLines:
            let fd = try RegularFile.open(file.url)
            defer { close(fd) }
            let size = file.size
            let end = try Pipeline.run(
                produce: { send in
                    var batch: [JSONLine] = []
                    var number = 0
                    do {
                        try JSONLinesScanner.forEachLine(fd: fd, from: 0, to: size) { pointer, offset, length in
                            number += 1
                            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
                            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                            // An over-long record is not copied, only reported.
                            batch.append(
                                JSONLine(
                                    number: number, data: length > Importer.recordLimit ? nil : Data(bytes), length: length,
                                    end: offset + Int64(length)))
                            if batch.count >= 1024 {
                                let full = batch
                                batch = []
                                guard send(full) else { throw CancellationError() }
                            }
                        }
                    } catch is CancellationError {
                        return .finished
                    } catch {
                        _ = send(batch)
                        return .refused(.stoppedReading(reason: "\(error)"))
                    }
                    _ = send(batch)
                    return .finished
                },
                transform: { (line: JSONLine) -> Result<AssembledArticle, ImportProblem> in
                    guard let data = line.data else {
                        return .failure(.recordTooLong(megabytes: line.length >> 20, limitMegabytes: Importer.recordLimit >> 20))
                    }
                    return Importer.record(data, assembler: assembler)
                },
                consume: { (lines: [JSONLine], results: [Result<AssembledArticle, ImportProblem>]) throws(ArchiveError) in
                    for (line, result) in zip(lines, results) { try add(result, path: path, place: .line(line.number)) }
                    reportProgress(within: file, at: lines.last?.end)
                })
            if case .refused(let problem) = end { skip(path, nil, problem) }
        case .json:
            let data: Data
            do { data = try file.read(limit: Int64(Importer.pageLimit) * 4) } catch {
                skip(path, nil, error)
                return
            }
            let document: JSONDocument
            do {
                document = try JSONDecoder().decode(JSONDocument.self, from: data)
            } catch {
                skip(path, nil, .jsonUnreadable(detail: Importer.describe(error, data)))
                return
            }
            let results = Parallel.map(Array(document.records.enumerated())) { index, record in
                record.draft.flatMap { draft in
                    do throws(ImportProblem) { return .success(try assembler.assemble(draft)) } catch { return .failure(error) }
                }
            }
            if document.records.isEmpty { skip(path, nil, .jsonEmptyList) }
            for (index, result) in results.enumerated() {
                try add(result, path: path, place: document.isList ? .record(index + 1) : nil)
            }
        case .page, .html:
            break
        }
    }

    static func record(_ data: Data, assembler: ArticleAssembler) -> Result<AssembledArticle, ImportProblem> {
        do {
            let record = try JSONDecoder().decode(JSONRecord.self, from: data)
            return record.draft.flatMap { draft in
                do throws(ImportProblem) { return .success(try assembler.assemble(draft)) } catch { return .failure(error) }
            }
        } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
            // Valid JSON, but a null, a number, a string or a list where a record should be.
            return .failure(.jsonNotObject(detail: nil))
        } catch {
            var detail = describe(error, data)
            if detail.hasPrefix("malformed JSON: ") { detail.removeFirst("malformed JSON: ".count) }
            return .failure(.jsonMalformed(detail: detail))
        }
    }

    static func describe(_ error: any Error, _ data: Data) -> String {
        JSONLinesScanner.failure(for: error, in: data).message
    }
}

/// The files an import will read, found (and standard input copied) before the archive is opened,
/// so that a user who gives up while input is still arriving leaves nothing behind.
public struct ImportSources: Sendable {
    let files: [InputFile]
    let skipped: [ImportReport.Skip]

    public init(_ inputs: [String]) {
        var skipped: [ImportReport.Skip] = []
        var files: [InputFile] = []
        for input in inputs { files += InputFile.expand(input, skipped: &skipped) }
        self.files = files
        self.skipped = skipped
    }
}

/// One line of a JSON Lines file on its way to the workers.
struct JSONLine: Sendable {
    var number: Int
    /// nil for a line too long to be a record.
    var data: Data?
    var length: Int
    /// Where the line ends in the file, for progress.
    var end: Int64
}

/// The assembler, shared read-only by the workers.
final class ArchiveAssembler: Sendable {
    let value: ArticleAssembler
    init(_ value: ArticleAssembler) { self.value = value }
}

/// Maps a batch on every core, keeping order.
enum Parallel {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        // Interleaved shares keep the workers even when some inputs are much larger than others.
        let shares = min(inputs.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = Mutex<[Output?]>(Array(repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            LibXML.prepareThread()
            var i = share
            while i < inputs.count {
                let output = transform(inputs[i])
                results.withLock { $0[i] = output }
                i += shares
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
