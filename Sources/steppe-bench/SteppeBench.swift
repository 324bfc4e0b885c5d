import ArgumentParser
import Foundation
import SteppeCore

@main
struct SteppeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steppe-bench",
        abstract: "Generates synthetic archives and measures Steppe on them. Run it as a release build.",
        subcommands: [Generate.self, Run.self, Measure.self, ImportBench.self, SearchBench.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a deterministic synthetic archive of N articles.")

    @Argument(help: "How many articles.") var count: Int
    @Argument(help: "The folder to write the archive to.") var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let started = Date()
        let planted = try CorpusGenerator(count: count).write(to: url)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent("articles.jsonl").path)[.size] as? Int) ?? 0
        print("wrote \(count) articles (\(size / 1_048_576) MB) to \(url.path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        for (word, n) in planted { print("planted '\(word)' in \(n) articles") }
    }
}

/// One size's results, as the measuring process reports them.
struct SizeReport: Codable {
    var articles: Int
    var archiveMB: Double
    var steps: [Measurement]
    var peakMemoryMB: [String: Double]
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure every step at each size and print the medians, p95s and targets.")

    @Option(help: "Archive sizes to measure, comma-separated.")
    var sizes: String = "1000,10000,50000"

    @Option(help: "Where generated archives are kept between runs.")
    var work: String = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-bench").path

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty else { throw ValidationError("--sizes needs numbers, e.g. 1000,10000,50000") }
        var reports: [SizeReport] = []
        for count in counts {
            let archive = URL(fileURLWithPath: work).appendingPathComponent("archive-\(count)")
            if !FileManager.default.fileExists(atPath: archive.appendingPathComponent("archive.json").path) {
                log("generating \(count) articles in \(archive.path)…")
                _ = try CorpusGenerator(count: count).write(to: archive)
            }
            log("measuring \(count) articles…")
            // Cold and warm run in processes of their own, so each peak memory figure is its own.
            let cold = try measure(archive.path, phase: "cold")
            let warm = try measure(archive.path, phase: "warm")
            let bytes = (try? FileManager.default.attributesOfItem(atPath: archive.appendingPathComponent("articles.jsonl").path)[.size] as? Int) ?? 0
            reports.append(
                SizeReport(
                    articles: count, archiveMB: Double(bytes) / 1_048_576, steps: cold.steps + warm.steps,
                    peakMemoryMB: ["cold": cold.peakMemoryMB["peak"] ?? 0, "warm": warm.peakMemoryMB["peak"] ?? 0]))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        } else {
            print(Table.render(reports))
        }
    }

    private func measure(_ archive: String, phase: String) throws -> SizeReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments = ["measure", archive, "--phase", phase, "--cache", URL(fileURLWithPath: work).appendingPathComponent("cache").path]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-bench-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("measuring \(archive) (\(phase)) failed") }
        return try JSONDecoder().decode(SizeReport.self, from: Data(contentsOf: output))
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure one phase on one archive and print JSON (used by 'run').", shouldDisplay: false)

    @Argument var archive: String
    @Option var phase: String
    @Option var cache: String

    func run() throws {
        let cacheStore = HeaderCache(directory: URL(fileURLWithPath: cache))
        let steps = phase == "cold" ? BenchmarkSteps.cold : BenchmarkSteps.warm
        let measurements = try BenchmarkSteps.run(steps, archive: archive, cache: cacheStore)
        let library = try ArchiveReader.open(archive, cache: cacheStore)
        let report = SizeReport(
            articles: library.catalogue.headers.count, archiveMB: 0, steps: measurements, peakMemoryMB: ["peak": peakMemoryMiB()])
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }
}

/// The configuration this binary was compiled in, read from the compiler rather than assumed.
#if DEBUG
    let buildConfiguration = "debug"
#else
    let buildConfiguration = "release"
#endif

enum Table {
    /// Targets apply at 50,000 articles and up.
    static let targetSize = 50_000

    static func render(_ reports: [SizeReport]) -> String {
        var lines = ["Steppe benchmark: median and p95 in milliseconds (\(buildConfiguration) build, rendering into a 120×40 grid)", ""]
        let header = pad("articles", 9) + pad("step", 42) + lpad("median", 9) + lpad("p95", 9) + lpad("runs", 6) + "   target"
        lines.append(header)
        lines.append(String(repeating: "─", count: header.count + 12))
        let targets = Dictionary(uniqueKeysWithValues: (BenchmarkSteps.cold + BenchmarkSteps.warm).map { ($0.name, $0.targetMs) })
        var missed = 0
        for report in reports {
            for m in report.steps {
                var target = ""
                if let t = targets[m.step], report.articles >= targetSize {
                    let met = m.median <= t
                    if !met { missed += 1 }
                    target = "≤ \(format(t)) ms  " + (met ? "met" : "MISSED")
                }
                lines.append(
                    pad(String(report.articles), 9) + pad(m.step, 42) + lpad(format(m.median), 9) + lpad(format(m.p95), 9)
                        + lpad(String(m.runs.count), 6) + "   " + target)
            }
            for phase in ["cold", "warm"] {
                let mb = report.peakMemoryMB[phase] ?? 0
                var target = ""
                if phase == "warm" && report.articles >= targetSize {
                    if mb > 100 { missed += 1 }
                    target = "≤ 100 MB  " + (mb <= 100 ? "met" : "MISSED")
                }
                lines.append(pad(String(report.articles), 9) + pad("peak memory, \(phase) open (MB)", 42) + lpad(format(mb), 9) + lpad("", 9) + lpad("", 6) + "   " + target)
            }
            lines.append(pad(String(report.articles), 9) + pad("archive size (MB)", 42) + lpad(format(report.archiveMB), 9))
            lines.append("")
        }
        if reports.contains(where: { $0.articles >= targetSize }) {
            lines.append(missed == 0 ? "every target met at \(targetSize) articles" : "\(missed) target(s) missed")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ v: Double) -> String {
        v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
