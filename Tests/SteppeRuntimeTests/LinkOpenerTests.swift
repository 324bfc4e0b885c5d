import Foundation
import SteppeRuntime
import Testing

@Suite struct LinkOpenerTests {
    @Test func theBrowserHasNoTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log")
        let script = dir.appendingPathComponent("browser")
        // Records its session and whether it can open a terminal, then signals that it ran.
        try Data("""
            #!/bin/sh
            if (: < /dev/tty) 2>/dev/null; then tty=yes; else tty=no; fi
            echo "$(ps -o sid= -p $$ | tr -d ' ') $$ $tty $1" > \(log.path).tmp && mv \(log.path).tmp \(log.path)
            """.utf8).write(to: script)
        chmod(script.path, 0o755)
        // A process another test starts in parallel may hold the script's file open for a moment (it
        // was forked while the script was written, and has not exec'd yet): Linux then refuses to run
        // the script with ETXTBSY. That is this test's making, not the reader's; wait it out.
        var outcome = LinkOpener.open("https://example.org/a", environment: ["PATH": "/usr/bin:/bin", "BROWSER": script.path])
        for _ in 0..<50 where outcome == .failed(String(cString: strerror(ETXTBSY))) {
            usleep(20_000)
            outcome = LinkOpener.open("https://example.org/a", environment: ["PATH": "/usr/bin:/bin", "BROWSER": script.path])
        }
        #expect(outcome == .opened(program: "browser"))
        var written: String?
        for _ in 0..<200 where written == nil {
            written = try? String(contentsOf: log, encoding: .utf8)
            if written == nil { usleep(20_000) }
        }
        let fields = try #require(written).split(separator: " ").map(String.init)
        #expect(fields.count == 4)
        // Its own session (its session id is its own pid), no terminal, and the link as given.
        #expect(fields[0] == fields[1])
        #expect(fields[2] == "no")
        #expect(fields[3] == "https://example.org/a\n")
    }

    @Test func browserListFallsBackInOrder() {
        let environment = ["PATH": "/usr/bin:/bin", "BROWSER": "no-such-browser:/bin/true %s"]
        #expect(LinkOpener.open("https://example.org/a", environment: environment) == .opened(program: "true"))
        #expect(LinkOpener.open("https://example.org/a", environment: ["PATH": "/nonexistent"]) == .noBrowser)
    }
}
