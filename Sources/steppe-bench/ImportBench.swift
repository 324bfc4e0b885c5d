import ArgumentParser
import Foundation
import SteppeCore

#if canImport(Glibc)
    import Glibc
#endif

/// Measures `steppe import` itself, as a child process, on generated inputs: wall time and peak
/// memory (from `wait4`) per run.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Measure 'steppe import' on saved pages, an RSS feed, JSON Lines and a small update.")

    @Option(help: "Runs per scenario.") var runs = 3
    @Option(help: "Where generated inputs and archives are kept.")
    var work: String = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-bench-import").path
    @Option(help: "The steppe binary to measure (default: the one beside this program).") var steppe: String?
    @Flag(help: "Print JSON instead of a table.") var json = false

    struct Result: Codable {
        var scenario: String
        var seconds: [Double]
        var peakMB: [Double]
        var targetSeconds: Double
        var inputMB: Double
    }

    func run() throws {
        let root = URL(fileURLWithPath: work)
        let binary = steppe.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("steppe")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ValidationError("no steppe binary at \(binary.path); build it (swift build -c release) or pass --steppe")
        }
        let inputs = try ImportInputs(root: root.appendingPathComponent("inputs"))
        var results: [Result] = []
        func measure(_ name: String, target: Double, input: [URL], inputMB: Double, archive: @escaping (Int) throws -> URL) throws {
            var seconds: [Double] = []
            var peaks: [Double] = []
            for run in 0..<runs {
                // The same start for every run: inputs in the page cache, as after saving them.
                for url in input { ImportInputs.warm(url) }
                let archiveURL = try archive(run)
                let (elapsed, peak) = try Child.run(
                    binary, ["import", "--archive", archiveURL.path] + input.map(\.path),
                    environment: ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "XDG_DATA_HOME": root.appendingPathComponent("data").path])
                seconds.append(elapsed)
                peaks.append(peak)
                FileHandle.standardError.write(Data("\(name): run \(run + 1): \(String(format: "%.2f", elapsed)) s, \(Int(peak)) MB\n".utf8))
            }
            results.append(Result(scenario: name, seconds: seconds, peakMB: peaks, targetSeconds: target, inputMB: inputMB))
        }
        func fresh(_ name: String) -> URL {
            let url = root.appendingPathComponent("archives").appendingPathComponent(name)
            try? FileManager.default.removeItem(at: url)
            return url
        }
        try measure("10,000 saved pages", target: 20, input: [inputs.pages], inputMB: inputs.pagesMB) { _ in fresh("pages") }
        try measure("RSS, 50,000 items", target: 4, input: [inputs.feed], inputMB: inputs.feedMB) { _ in fresh("feed") }
        try measure("JSON Lines, 50,000 records", target: 3, input: [inputs.jsonLines], inputMB: inputs.jsonLinesMB) { _ in fresh("jsonl") }
        // The last JSON Lines archive holds 50,000 articles; each run adds ten pages it has not seen.
        let big = root.appendingPathComponent("archives").appendingPathComponent("jsonl")
        var batches: [URL] = []
        for run in 0..<runs { batches.append(try inputs.newPages(batch: run)) }
        var next = 0
        func batch() -> [URL] {
            defer { next += 1 }
            return [batches[next]]
        }
        var seconds: [Double] = []
        var peaks: [Double] = []
        for run in 0..<runs {
            ImportInputs.warm(batches[run])
            let (elapsed, peak) = try Child.run(
                binary, ["import", "--archive", big.path] + batch().map(\.path),
                environment: ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "XDG_DATA_HOME": root.appendingPathComponent("data").path])
            seconds.append(elapsed)
            peaks.append(peak)
            FileHandle.standardError.write(Data("10 pages into 50,000: run \(run + 1): \(String(format: "%.3f", elapsed)) s, \(Int(peak)) MB\n".utf8))
        }
        results.append(Result(scenario: "10 new pages into 50,000", seconds: seconds, peakMB: peaks, targetSeconds: 1, inputMB: 0))

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        var lines = [
            "steppe import: wall time and peak memory per run, as a child process, inputs in the page cache",
            "(\(buildConfiguration) build of steppe-bench, \(runs) runs; the archive's segment is synced to disk in every run)", "",
        ]
        let header = "scenario".padding(toLength: 30, withPad: " ", startingAt: 0) + "input MB".leftPadded(10) + "median s".leftPadded(10)
            + "fastest s".leftPadded(11) + "peak MB".leftPadded(9) + "   target"
        lines.append(header)
        lines.append(String(repeating: "─", count: header.count + 12))
        for result in results {
            let sorted = result.seconds.sorted()
            let median = sorted[sorted.count / 2]
            let peak = result.peakMB.max() ?? 0
            let ok = median < result.targetSeconds && peak < 300
            lines.append(
                result.scenario.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + (result.inputMB > 0 ? String(format: "%.0f", result.inputMB) : "").leftPadded(10)
                    + String(format: "%.2f", median).leftPadded(10) + String(format: "%.2f", sorted[0]).leftPadded(11)
                    + String(format: "%.0f", peak).leftPadded(9)
                    + "   < \(Int(result.targetSeconds)) s, < 300 MB " + (ok ? "✓" : "✗ missed"))
        }
        print(lines.joined(separator: "\n"))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// Runs a program and reports its wall time and its own peak resident size.
enum Child {
    static func run(_ binary: URL, _ arguments: [String], environment extra: [String: String]) throws -> (Double, Double) {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let started = Date()
        guard posix_spawn(&pid, binary.path, &actions, nil, argv, envp) == 0 else {
            throw ValidationError("cannot start \(binary.path)")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Date().timeIntervalSince(started)
        guard status == 0 else { throw ValidationError("\(binary.path) \(arguments.prefix(3).joined(separator: " ")) failed (status \(status))") }
        return (elapsed, Double(usage.ru_maxrss) / 1024)
    }
}

/// Inputs in every format, generated once from the synthetic corpus and kept between runs.
struct ImportInputs {
    let pages: URL
    let feed: URL
    let jsonLines: URL
    let root: URL
    var pagesMB: Double { ImportInputs.megabytes(folder: pages) }
    var feedMB: Double { ImportInputs.megabytes(feed) }
    var jsonLinesMB: Double { ImportInputs.megabytes(jsonLines) }

    init(root: URL) throws {
        self.root = root
        pages = root.appendingPathComponent("pages")
        feed = root.appendingPathComponent("feed.rss")
        jsonLines = root.appendingPathComponent("records.jsonl")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let generator = CorpusGenerator(count: 50_000)
        if !FileManager.default.fileExists(atPath: pages.path) {
            FileHandle.standardError.write(Data("generating 10,000 saved pages…\n".utf8))
            let partial = root.appendingPathComponent("pages.partial")
            try? FileManager.default.removeItem(at: partial)
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
            for i in 0..<10_000 {
                try Data(SavedPageText.page(generator.article(i)).utf8).write(to: partial.appendingPathComponent(String(format: "page-%05d.txt", i)))
            }
            try FileManager.default.moveItem(at: partial, to: pages)
        }
        if !FileManager.default.fileExists(atPath: feed.path) {
            FileHandle.standardError.write(Data("generating an RSS feed of 50,000 items…\n".utf8))
            try ImportInputs.writeStreaming(to: feed) { out in
                out("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<title>Synthetic feed</title>\n")
                for i in 0..<50_000 { out(FeedText.item(generator.article(i))) }
                out("</channel>\n</rss>\n")
            }
        }
        if !FileManager.default.fileExists(atPath: jsonLines.path) {
            FileHandle.standardError.write(Data("generating 50,000 JSON Lines records…\n".utf8))
            try ImportInputs.writeStreaming(to: jsonLines) { out in
                for i in 0..<50_000 { out(ScraperRecord.line(generator.article(i)) + "\n") }
            }
        }
    }

    /// Ten pages no earlier batch holds.
    func newPages(batch: Int) throws -> URL {
        let folder = root.appendingPathComponent("new-\(batch)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generator = CorpusGenerator(count: 1_000_000)
        for i in 0..<10 {
            let index = 900_000 + batch * 10 + i + Int(Date().timeIntervalSince1970) % 50_000 * 10
            try Data(SavedPageText.page(generator.article(index)).utf8).write(to: folder.appendingPathComponent("new-\(i).txt"))
        }
        return folder
    }

    static func writeStreaming(to url: URL, _ body: ((String) -> Void) throws -> Void) throws {
        let partial = url.appendingPathExtension("partial")
        FileManager.default.createFile(atPath: partial.path, contents: nil)
        let handle = try FileHandle(forWritingTo: partial)
        var buffer = Data()
        try body { text in
            buffer.append(contentsOf: text.utf8)
            if buffer.count > 4 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        try handle.close()
        try FileManager.default.moveItem(at: partial, to: url)
    }

    /// Reads a file or a folder's files once, so that the page cache holds them.
    static func warm(_ url: URL) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).map { url.appendingPathComponent($0) } : [url]
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for file in files {
            let fd = open(file.path, O_RDONLY)
            guard fd >= 0 else { continue }
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            close(fd)
        }
    }

    static func megabytes(_ url: URL) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1_048_576
    }

    static func megabytes(folder: URL) -> Double {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.reduce(0) { $0 + megabytes(folder.appendingPathComponent($1)) }
    }
}

enum SavedPageText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The layout of a page saved as text: the site's menus, title, byline and date, body, footer.
    static func page(_ article: Article) -> String {
        let c = article.published.components
        let date = "\(months[c.month - 1]) \(c.day), \(c.year)"
        var text = "Skip to main content\n\nEurasianet\n\nMain Menu\n\n  • Regions\n  • Topics\n  • Search\nX\n\n"
        for group in Taxonomy.eurasianet.regions {
            text += group.name + "\n\n" + group.children.map(\.name).joined(separator: "\n") + "\n\n"
        }
        text += "X\nYou can search using keywords to narrow down the list.\n\n" + article.title + "\n\n"
        text += (article.authors.first.map { "\($0) \(date)" } ?? date) + "\n\n"
        text += article.body.map(\.text).joined(separator: "\n\n")
        text += "\n\nSign up for the weekly newsletter.\n\nPopular\n\nAnother story\nSomeone Else\n\nEurasianet © 2023\n"
        return text
    }
}

enum FeedText {
    static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func item(_ article: Article) -> String {
        let c = article.published.components
        let weekday = days[Int((article.published.secondsSince1970 / 86_400) % 7 + 7) % 7]
        let date = String(format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", weekday, c.day, SavedPageText.months[c.month - 1], c.year, c.hour, c.minute, c.second)
        let table = TaxonomyTable(.eurasianet)
        var item = "<item>\n<title>\(escape(article.title))</title>\n<link>\(escape(article.url))-\(article.id)</link>\n<pubDate>\(date)</pubDate>\n"
        for author in article.authors { item += "<dc:creator>\(escape(author))</dc:creator>\n" }
        for slug in article.regions {
            if let i = table.index(of: slug, in: .regions) { item += "<category>\(escape(table[i].name))</category>\n" }
        }
        for slug in article.topics {
            if let i = table.index(of: slug, in: .topics) { item += "<category>\(escape(table[i].name))</category>\n" }
        }
        if let summary = article.summary { item += "<description>\(escape("<p>" + summary + "</p>"))</description>\n" }
        let html = article.body.map { block in
            block.kind == .quote ? "<blockquote><p>\(escape(block.text))</p></blockquote>" : "<p>\(escape(block.text))</p>"
        }.joined()
        item += "<content:encoded><![CDATA[\(html)]]></content:encoded>\n</item>\n"
        return item
    }
}

enum ScraperRecord {
    struct Record: Encodable {
        var headline: String
        var published_at: String
        var link: String
        var authors: [String]
        var content: [String]
        var tags: [String]
    }

    static func line(_ article: Article) -> String {
        let record = Record(
            headline: article.title, published_at: article.published.isoString, link: article.url + "-" + article.id,
            authors: article.authors, content: article.body.map(\.text), tags: article.regions + article.topics)
        return String(decoding: (try? JSONEncoder().encode(record)) ?? Data(), as: UTF8.self)
    }
}
