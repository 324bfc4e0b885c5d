import Foundation
import Testing

/// The commands that pipe, and the errors a newcomer meets first.
extension EndToEnd {
@Suite struct CommandLineTests {
    @Test func listFiltersByRegionAndTopic() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let all = try Harness.run(Harness.steppe, ["list"], environment: env)
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count >= 30)
        #expect(lines.first?.split(separator: "\t").count == 3)
        let tajik = try Harness.run(Harness.steppe, ["list", "--region", "tajikistan", "--topic", "security"], environment: env)
        #expect(tajik.stdout.contains("tajikistan-panj-border"))
        #expect(!tajik.stdout.contains("georgia-qvevri-wine"))
        let json = try Harness.run(Harness.steppe, ["list", "--region", "caucasus", "--json"], environment: env)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // Every entry is filed under the Caucasus or one of its countries, and the filter left some out.
        let caucasus: Set = ["caucasus", "armenia", "azerbaijan", "georgia"]
        #expect(!decoded.isEmpty)
        #expect(decoded.count < lines.count)
        #expect(decoded.allSatisfy { !caucasus.isDisjoint(with: ($0["regions"] as? [String]) ?? []) })
        let bad = try Harness.run(Harness.steppe, ["list", "--region", "atlantis"], environment: env)
        #expect(bad.status == 1)
        #expect(bad.stderr == "steppe: unknown region 'atlantis' (see the taxonomy in the README)\n")
    }

    @Test func showWrapsToTheGivenWidth() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try Harness.run(
            Harness.steppe, ["show", "china-khorgos-dry-port", "--width", "50"], environment: Harness.isolatedEnvironment(home))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Khorgos: a dry port"))
        // CJK text may break between any two characters.
        #expect(result.stdout.replacingOccurrences(of: "\n", with: "").contains("霍尔果斯"))
        for line in result.stdout.split(separator: "\n") {
            let width = line.unicodeScalars.reduce(0) { $0 + ((0x2E80...0x9FFF).contains($1.value) ? 2 : 1) }
            #expect(width <= 50, "too wide: \(line)")
        }
    }

    @Test func validateListsEveryProblemAndFails() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"formatVersion": 1, "title": "Broken"}"#.utf8).write(to: dir.appendingPathComponent("archive.json"))
        let good = #"{"id":"a","url":"u","title":"T","authors":[],"published":"2020-01-01","language":"en","body":[]}"#
        let lines = [good, #"{"id":"b","url":"u","title":"T","authors":[],"published":"2020-01-01","language":"en","body":[{"type":"poem","text":"x"}]}"#, "{oops", good]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("articles.jsonl"))
        let result = try Harness.run(Harness.steppe, ["validate", dir.path], environment: Harness.isolatedEnvironment(home))
        #expect(result.status == 1)
        let out = result.stdout.split(separator: "\n").map(String.init)
        #expect(out.contains { $0.contains("articles.jsonl:2: id 'b': body[0]: unknown block type 'poem', shown as a paragraph") })
        #expect(out.contains { $0.contains("articles.jsonl:3:2: malformed JSON") })
        #expect(out.contains { $0.contains("articles.jsonl:4: id 'a': duplicate id (first on line 1)") })
        #expect(out.last == "2 articles readable, 4 problems")
        let russian = try Harness.run(Harness.steppe, ["validate", dir.path, "--lang", "ru"], environment: Harness.isolatedEnvironment(home))
        #expect(russian.stdout.split(separator: "\n").last == "2 статьи читаются, 4 проблемы")

        // Warnings only: the archive is whole, and the exit status says so.
        try Data((good + "\n").utf8).write(to: dir.appendingPathComponent("articles.jsonl"))
        let warned = try Harness.run(Harness.steppe, ["validate", dir.path], environment: Harness.isolatedEnvironment(home))
        #expect(warned.status == 2)
        #expect(warned.stdout.split(separator: "\n").last == "1 article readable, 1 problem")

        let sample = try Harness.run(Harness.steppe, ["validate", Harness.sampleArchivePath], environment: Harness.isolatedEnvironment(home))
        #expect(sample.status == 0)
    }

    @Test func helpShowsTheReadersOptionsAndValidateTakesArchive() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let help = try Harness.run(Harness.steppe, ["--help"], environment: env)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--archive <path>   the archive: a folder with archive.json, or a .json file"))
        #expect(help.stdout.contains("--theme <name>"))
        let validate = try Harness.run(Harness.steppe, ["validate", "--archive", Harness.sampleArchivePath], environment: env)
        #expect(validate.status == 0)
        #expect(validate.stdout == "36 articles readable, 0 problems\n")
    }

    @Test func everyCommandSpeaksRussianWhenAsked() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let byFlag = try Harness.run(
            Harness.steppe, ["list", "--region", "atlantis", "--lang", "ru"], environment: Harness.isolatedEnvironment(home))
        #expect(byFlag.stderr == "steppe: неизвестный регион 'atlantis' (таксономия описана в README)\n")
        // LANGUAGE wins over LANG, and ru_RU need not be installed.
        let byEnvironment = try Harness.run(
            Harness.steppe, ["show", "nope"],
            environment: Harness.isolatedEnvironment(home, extra: ["LANGUAGE": "ru_RU", "LANG": "C.UTF-8"]))
        #expect(byEnvironment.stderr == "steppe: нет статьи с id 'nope' (архив: встроенный пример архива)\n")
        let shown = try Harness.run(
            Harness.steppe, ["show", "tajikistan-panj-border", "--lang", "ru"], environment: Harness.isolatedEnvironment(home))
        #expect(shown.stdout.contains("Автор: Steppe Editors · 5 мая 2011"))
        let first = try Harness.run(
            Harness.steppe, ["--lang", "ru", "list", "--region", "atlantis"], environment: Harness.isolatedEnvironment(home))
        #expect(first.stderr == byFlag.stderr)
        let unknown = try Harness.run(Harness.steppe, ["list", "--lang", "xx"], environment: Harness.isolatedEnvironment(home))
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown language 'xx' (choose one of: en, ru)"))
    }

    @Test func missingArchiveAndBadLocaleAreOneLineErrors() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let missing = try Harness.run(Harness.steppe, ["--archive", "/nonexistent/archive"], environment: Harness.isolatedEnvironment(home))
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("steppe: /nonexistent/archive: no archive here"))
        #expect(missing.stderr.filter { $0 == "\n" }.count == 1)
        let locale = try Harness.run(Harness.steppe, [], environment: Harness.isolatedEnvironment(home, extra: ["LANG": "C"]))
        #expect(locale.status == 1)
        #expect(locale.stderr.contains("needs a UTF-8 locale"))
        let notTTY = try Harness.run(Harness.steppe, [], environment: Harness.isolatedEnvironment(home))
        #expect(notTTY.status == 1)
        #expect(notTTY.stderr.contains("needs a terminal"))
    }
}
}

extension Harness {
    static var sampleArchivePath: String {
        steppe.deletingLastPathComponent().appendingPathComponent("Steppe_SteppeResources.resources/Sample").path
    }
}

/// `steppe search` on the bundled sample archive.
@Suite struct SearchCommandTests {
    @Test func rankedResultsWithSnippetsInAnyLanguage() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let found = try Harness.run(Harness.steppe, ["search", "Panj", "river", "--limit", "3"], environment: env)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.hasPrefix("2011-05-05\ttajikistan-panj-border\tThe Panj: a river border between Tajikistan and Afghanistan\n"))
        // A Russian inflected form finds the base form, and the reverse.
        let russian = try Harness.run(Harness.steppe, ["search", "Таджикистан", "--json"], environment: env)
        let results = try JSONSerialization.jsonObject(with: Data(russian.stdout.utf8)) as? [[String: Any]]
        #expect(results?.contains { $0["id"] as? String == "pamir-highway-ru" } == true, "\(russian.stdout)")
        // The index lives in the cache, beside nothing the reader keeps.
        let cache = home.appendingPathComponent("cache/steppe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasPrefix("search-") })
    }

    @Test func theReaderSearchesAsYouTypeAndOpensAResult() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(command: Harness.readerCommand(Harness.isolatedEnvironment(home)), width: 100, height: 30)
        defer { tmux.close() }
        _ = try tmux.waitFor("Continue reading")
        try tmux.send("/")
        try tmux.send("-l", "Таджикистана")
        _ = try tmux.waitFor("Памирский тракт")
        try tmux.send("Enter")
        let article = try tmux.waitFor(10, "the result opened") { $0.contains("Search: Таджикистана 1/1") }
        #expect(article.contains("Памирский тракт"))
        try tmux.send("Q")
    }

    @Test func aMisspeltFilterIsNamed() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let wrong = try Harness.run(Harness.steppe, ["search", "regoin:tajikistan"], environment: Harness.isolatedEnvironment(home))
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("unknown filter 'regoin:'"))
        let value = try Harness.run(Harness.steppe, ["search", "topic:securty"], environment: Harness.isolatedEnvironment(home))
        #expect(value.stderr == "steppe: no topic 'securty' — did you mean topic:security?\n")
        let language = try Harness.run(Harness.steppe, ["search", "lang:xx"], environment: Harness.isolatedEnvironment(home))
        #expect(language.status == 1)
        #expect(language.stderr == "steppe: lang: no articles in 'xx'\n")
    }
}
