import ArgumentParser
import Foundation
import SteppeCore
import SteppeSearch

/// Measures the search index on the synthetic archive: building it, its size, and queries.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Measure building the search index and querying it at one archive size.")

    @Option(help: "Articles in the archive.") var size = 50_000
    @Option(help: "Where generated archives are kept.")
    var work: String = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-bench").path
    @Option(help: "Runs of each query.") var runs = 50

    func run() throws {
        let archive = URL(fileURLWithPath: work).appendingPathComponent("archive-\(size)")
        if !FileManager.default.fileExists(atPath: archive.appendingPathComponent("archive.json").path) {
            FileHandle.standardError.write(Data("generating \(size) articles…\n".utf8))
            _ = try CorpusGenerator(count: size).write(to: archive)
        }
        let library = try ArchiveReader.open(archive.path, cache: HeaderCache(directory: URL(fileURLWithPath: work).appendingPathComponent("cache")))
        let file = URL(fileURLWithPath: work).appendingPathComponent("search-\(size).sqlite")
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        let index = try SearchIndex(file: file)
        let buildStart = Date()
        try index.sync(library)
        let build = Date().timeIntervalSince(buildStart)
        let indexBytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let archiveBytes = (try? FileManager.default.attributesOfItem(atPath: archive.appendingPathComponent("articles.jsonl").path)[.size] as? Int) ?? 0
        let resync = try time { try index.sync(library) }

        let taxonomy = library.catalogue.taxonomy
        let queries: [(String, Double)] = [
            ("aralkumite", 20), ("kurultai", 20), ("kurultai aralkumite", 20), ("border", 20), ("river valley", 20),
            ("kurultai region:central-asia", 40), ("border region:central-asia", 40),
            ("\"border river\"", 40), ("cotton topic:economy since:2010-01", 40), ("тайга", 20), ("mount*", 20),
        ]
        var lines = [
            "steppe search index, \(size) articles (\(buildConfiguration) build)", "",
            String(format: "build: %.1f s (target ≤ 60 s); re-sync with nothing changed: %.0f ms", build, resync),
            String(format: "index: %.0f MB for an archive of %.0f MB (target: at most the archive)", Double(indexBytes) / 1_048_576, Double(archiveBytes) / 1_048_576),
            "", "query".padding(toLength: 38, withPad: " ", startingAt: 0) + "matches".leftPadded(9) + "median ms".leftPadded(11) + "p95 ms".leftPadded(9) + "   target",
        ]
        for (text, target) in queries {
            let query = try SearchQuery.parse(text, taxonomy: taxonomy)
            let matches = try index.search(query, limit: 1_000_000).count
            var samples: [Double] = []
            for _ in 0..<runs { samples.append(try time { _ = try index.search(query, limit: 100) }) }
            samples.sort()
            let median = samples[samples.count / 2]
            let p95 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))]
            lines.append(
                text.padding(toLength: 38, withPad: " ", startingAt: 0) + String(matches).leftPadded(9)
                    + String(format: "%.2f", median).leftPadded(11) + String(format: "%.2f", p95).leftPadded(9)
                    + "   ≤ \(Int(target)) ms " + (p95 <= target ? "✓" : "✗"))
        }
        print(lines.joined(separator: "\n"))
    }
}
