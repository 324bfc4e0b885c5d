import Foundation
import Testing

/// `steppe import` as a user runs it: reports, atomicity under SIGKILL, and a reader that notices.
@Suite(.serialized) struct ImportTests {
    static func page(_ title: String, _ body: String) -> String {
        "You can search using keywords to narrow down the list.\n\n\(title)\n\nMay 5, 2011\n\n\(body)\n\nEurasianet © 2023\n"
    }

    @Test func aFolderIsImportedWithAReportAndAgainWithNothingNew() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let inbox = home.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(Self.page("Dushanbe Opens a Tea Museum", "Tajik tea culture fills a museum in Dushanbe, Tajikistan.").utf8)
            .write(to: inbox.appendingPathComponent("dushanbe-opens-a-tea-museum.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: inbox.appendingPathComponent("photo.jpg"))
        try Data("\u{1B}]0;pwned\u{07}".utf8).write(to: inbox.appendingPathComponent("evil\u{1B}[31m.txt"))
        let env = Harness.isolatedEnvironment(home)
        let first = try Harness.run(Harness.steppe, ["import", inbox.path], environment: env)
        // Something was skipped: exit status 2, the rest imported.
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stdout.contains("1 added, 0 updated, 0 unchanged, 2 skipped; 1 article in ~/data/steppe/archive"))
        #expect(first.stdout.contains("photo.jpg: a binary file, not text"))
        // Nothing read from a file name or a file reaches the terminal raw.
        #expect(!first.stdout.contains("\u{1B}") && !first.stderr.contains("\u{1B}"))
        let second = try Harness.run(Harness.steppe, ["import", inbox.appendingPathComponent("dushanbe-opens-a-tea-museum.txt").path, "--json"], environment: env)
        #expect(second.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect(report?["added"] as? Int == 0)
        #expect(report?["unchanged"] as? Int == 1)
        #expect((report?["articles"] as? [[String: Any]])?.first?["id"] as? String == "dushanbe-opens-a-tea-museum")
        // The same page saved again under another name, now with its link, updates the article instead of doubling it.
        let again = home.appendingPathComponent("saved.txt")
        try Data(Self.page("Dushanbe Opens a Tea Museum", "Tajik tea culture fills a new museum in Dushanbe, Tajikistan.").utf8).write(to: again)
        let linked = try Harness.run(
            Harness.steppe, ["import", again.path, "--url", "https://eurasianet.org/dushanbe-tea-museum"], environment: env)
        #expect(linked.stdout.contains("0 added, 1 updated"), "\(linked.stdout)")
        let many = try Harness.run(Harness.steppe, ["import", again.path, inbox.path, "--url", "https://eurasianet.org/x"], environment: env)
        #expect(many.status != 0)
        #expect(many.stderr.contains("--url names one page"))
        // The reader opens the user's archive now that there is one.
        let listed = try Harness.run(Harness.steppe, ["list", "--region", "tajikistan"], environment: env)
        #expect(listed.stdout.contains("dushanbe-opens-a-tea-museum"), "\(listed.stdout)\(listed.stderr)")
    }

    @Test func standardInputAndUnknownTagsOnTheCommandLine() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let wrong = try Harness.run(Harness.steppe, ["import", "-", "--region", "atlantis"], environment: env)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("'atlantis' is not a region"))
        let input = home.appendingPathComponent("in.jsonl")
        try Data(#"{"title": "Baku Jazz Week", "date": "2019-10-01", "text": "Concerts in Baku.", "url": "https://example.org/baku-jazz-week"}"#.utf8).write(to: input)
        let piped = try Harness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(Harness.steppe.path) import - --topic Society < \(input.path)"], environment: env)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("1 added"))
        let shown = try Harness.run(Harness.steppe, ["list", "--topic", "society", "--json"], environment: env)
        #expect(shown.stdout.contains("baku-jazz-week"))
    }

    /// Imports killed with SIGKILL at random points: the archive always opens, whole, holding every
    /// finished import's articles and either all or none of the one that was cut short.
    @Test func killedImportsLeaveTheOldArchiveOrTheNew() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let archive = home.appendingPathComponent("archive")
        let perFile = 200
        let files = (0..<12).map { home.appendingPathComponent("batch-\($0).jsonl") }
        for (i, file) in files.enumerated() {
            let lines = (0..<perFile).map { n in
                #"{"title": "Batch \#(i) item \#(n)", "date": "2020-01-02", "url": "https://example.org/batch-\#(i)-item-\#(n)", "text": "\#(String(repeating: "Words about Almaty and Bishkek. ", count: 30))"}"#
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
        }
        let env = Harness.isolatedEnvironment(home)
        let log = home.appendingPathComponent("done.log")
        // How long one import takes here, so that the kills land inside imports on a fast machine or a loaded one.
        let started = Date()
        #expect(try Harness.run(Harness.steppe, ["import", "--archive", archive.path, files[0].path], environment: env).status == 0)
        let oneImport = Date().timeIntervalSince(started)
        for round in 0..<4 {
            let script = files.map { "\(Harness.steppe.path) import --archive \(archive.path) \($0.path) >/dev/null && echo \($0.lastPathComponent) >> \(log.path)" }
                .joined(separator: "; ")
            let pid = Harness.spawnGroup(script, environment: env)
            #expect(pid > 0)
            usleep(UInt32(oneImport * 1_000_000 * (0.4 + 0.9 * Double(round)) + Double.random(in: 0...50_000)))
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)

            guard FileManager.default.fileExists(atPath: archive.appendingPathComponent("archive.json").path) else { continue }
            let listed = try Harness.run(Harness.steppe, ["list", "--archive", archive.path], environment: env)
            #expect(listed.status == 0, "\(listed.stderr)")
            var perBatch: [String: Int] = [:]
            for line in listed.stdout.split(separator: "\n") {
                if let range = line.range(of: #"batch-[0-9]+"#, options: .regularExpression) { perBatch[String(line[range]), default: 0] += 1 }
            }
            // Every batch is in whole or not at all.
            for (batch, count) in perBatch { #expect(count == perFile, "\(batch): \(count)") }
            let done = Set(((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map { $0.dropLast(".jsonl".count) })
            for batch in done { #expect(perBatch[String(batch)] == perFile, "\(batch) finished but is not whole") }
            let validated = try Harness.run(Harness.steppe, ["validate", "--archive", archive.path], environment: env)
            #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        }
        // Run to the end once: every batch is there, whole, and the archive is clean.
        let all = files.map { $0.path }
        let finished = try Harness.run(Harness.steppe, ["import", "--archive", archive.path] + all, environment: env)
        #expect(finished.status == 0, "\(finished.stderr)")
        let listed = try Harness.run(Harness.steppe, ["list", "--archive", archive.path], environment: env)
        #expect(listed.stdout.split(separator: "\n").count == files.count * perFile)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// A first-time reader on the bundled sample imports a page: R opens the archive the import created.
    @Test func theFirstImportReplacesTheSampleOnR() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let tmux = try TmuxSession(command: Harness.readerCommand(env), width: 100, height: 30)
        defer { tmux.close() }
        _ = try tmux.waitFor("bundled sample")
        let page = home.appendingPathComponent("naryn-river-rafting.txt")
        try Data(Self.page("Naryn River Rafting", "Rafting on the Naryn draws visitors to Kyrgyzstan and Bishkek.").utf8).write(to: page)
        #expect(try Harness.run(Harness.steppe, ["import", page.path], environment: env).status == 0)
        _ = try tmux.waitFor("The archive has changed on disk: R reloads it")
        try tmux.send("R")
        // A frame is drawn row by row: wait for the whole of it, not its first changed row.
        let screen = try tmux.waitFor(10, "the reader's own archive") { screen in
            screen.contains("Archive reloaded") && screen.contains("Naryn River Rafting") && !screen.contains("bundled sample")
        }
        #expect(!screen.contains("Steppe Editors"))
        try tmux.send("Q")
    }

    /// A reader open on the archive hears of an import and reloads on R, keeping its place.
    @Test func aRunningReaderOffersToReloadAfterAnImport() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let first = home.appendingPathComponent("kyrgyz-felt-makers.txt")
        try Data(Self.page("Kyrgyz Felt Makers", "Felt carpets from Bishkek and Osh sell in Kyrgyzstan.").utf8).write(to: first)
        #expect(try Harness.run(Harness.steppe, ["import", first.path], environment: env).status == 0)
        let tmux = try TmuxSession(command: Harness.readerCommand(env), width: 100, height: 30)
        defer { tmux.close() }
        _ = try tmux.waitFor("Kyrgyz Felt Makers")
        let second = home.appendingPathComponent("almaty-apple-harvest.txt")
        try Data(Self.page("Almaty Apple Harvest", "Orchards near Almaty in Kazakhstan pick apples.").utf8).write(to: second)
        #expect(try Harness.run(Harness.steppe, ["import", second.path], environment: env).status == 0)
        _ = try tmux.waitFor("The archive has changed on disk: R reloads it")
        try tmux.send("R")
        let screen = try tmux.waitFor(10, "the reloaded archive") { $0.contains("Archive reloaded") && $0.contains("Almaty Apple Harvest") }
        #expect(screen.contains("Kyrgyz Felt Makers"))
        try tmux.send("Q")
    }
}
