import Foundation
import Testing

extension EndToEnd {
@Suite struct HostileOutputTests {
    /// Escape sequences hidden in an archive (OSC 52 sets the clipboard, CSI 2J clears the screen) reach
    /// no terminal through any command: ids, slugs, file names and errors print them as visible text.
    @Test func noCommandPrintsAControlCharacterFromTheArchive() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let dir = home.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"formatVersion": 1, "title": "Hostile"}"#.utf8).write(to: dir.appendingPathComponent("archive.json"))
        let evilID = #"id-\u001b]52;c;cHduZWQK\u0007\u001b[2J\u009b31m\u202e"#
        let lines = [
            #"{"id":""# + evilID + #"","url":"u","title":"T\u001b[2J","authors":["A\u0085"],"published":"2020-01-01","language":"en","regions":["nope\u001b[31m"],"body":[]}"#,
            #"{"id":""# + evilID + #"","url":"u","title":"again","authors":[],"published":"2020-01-01","language":"en","body":[]}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("articles.jsonl"))

        let list = try Harness.run(Harness.steppe, ["list", "--archive", dir.path], environment: env)
        expectClean(list.stdout, "list")
        #expect(list.stdout.contains(#"id-\u{1B}]52;c;cHduZWQK\u{7}\u{1B}[2J\u{9B}31m\u{202E}"#))
        let json = try Harness.run(Harness.steppe, ["list", "--archive", dir.path, "--json"], environment: env)
        expectClean(json.stdout, "list --json")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.first?["authors"] as? [String] == ["A\u{85}"])
        let validate = try Harness.run(Harness.steppe, ["validate", dir.path], environment: env)
        expectClean(validate.stdout, "validate")
        #expect(validate.stdout.contains(#"unknown slug 'nope\u{1B}[31m'"#))
        let show = try Harness.run(Harness.steppe, ["show", "id-\u{1B}", "--archive", dir.path], environment: env)
        expectClean(show.stderr, "show")

        // What the argument parser says of what was typed goes out escaped too.
        let typed = try Harness.run(Harness.steppe, ["list", "\u{1B}]52;c;eA==\u{07}\u{9B}2J"], environment: env)
        #expect(typed.status != 0)
        expectClean(typed.stderr, "the parser's error")
        #expect(typed.stderr.contains(#"\u{1B}]52;c;eA==\u{7}\u{9B}2J"#))
        // A full disk is an error with a message, not a crash.
        let full = try Harness.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" list > /dev/full", Harness.steppe.path], environment: env)
        #expect(full.status == 1)
        #expect(full.stderr == "steppe: cannot write the output: No space left on device\n")

        try Data(#"{"formatVersion": 1, "title": "Hostile", "articlesFile": "\u001b]0;pwned\u0007.jsonl"}"#.utf8)
            .write(to: dir.appendingPathComponent("archive.json"))
        let reader = try Harness.run(Harness.steppe, ["--archive", dir.path], environment: env)
        #expect(reader.status == 1)
        expectClean(reader.stderr, "the reader's error")
        #expect(reader.stderr.contains(#"\u{1B}]0;pwned\u{7}.jsonl"#))
    }

    func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
        }
        #expect(bad.isEmpty, "\(what) printed \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }
}
}
