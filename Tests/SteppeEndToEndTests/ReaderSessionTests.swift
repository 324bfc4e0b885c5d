import Foundation
import Testing

/// Drives the real binary in a real terminal (tmux) as a reader would.
extension EndToEnd {
@Suite struct ReaderSessionTests {
    func start(width: Int = 100, height: Int = 30, arguments: String = "", env: String = "") throws -> (TmuxSession, URL) {
        let home = try Harness.temporaryHome()
        let command = "env HOME=\(home.path) XDG_DATA_HOME=\(home.path)/data XDG_CACHE_HOME=\(home.path)/cache "
            + "LANG=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=interactive=no \(env) "
            + "\(Harness.steppe.path) \(arguments); status=$?; echo \"EXITED=$status\"; echo $status > \(home.path)/exit-status"
        return (try TmuxSession(command: command, width: width, height: height), home)
    }

    /// The exit status the pane's shell recorded, once steppe has exited.
    func waitForExit(_ home: URL, seconds: Double = 10) -> Int? {
        let file = home.appendingPathComponent("exit-status")
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8), let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        return nil
    }

    @Test func browseReadScrollResizeAndQuit() throws {
        let (tmux, home) = try start()
        defer { tmux.close(); try? FileManager.default.removeItem(at: home) }
        _ = try tmux.waitFor("All articles        36")
        #expect(try tmux.alternateScreenIsOn())

        // Regions › Caucasus › Armenia, then its article list.
        try tmux.send("j", "j", "j", "j", "j", "l", "j")
        _ = try tmux.waitFor("Regions › Caucasus › Armenia")
        // The oldest of Armenia's articles.
        try tmux.send("Tab", "G", "Enter")
        var screen = try tmux.waitFor("By Steppe Editors · 12 June 2014")
        #expect(screen.contains("Lake Sevan, the high lake"))
        #expect(screen.contains("Top") || screen.contains("All"))

        // Russian text in the list lines up with the rest.
        try tmux.send("Escape", "h", "g")
        for _ in 0..<20 { try tmux.send("k") }
        try tmux.send("Tab", "G")
        screen = try tmux.waitFor("Беларусь: краткий")
        let rows = screen.split(separator: "\n").filter { $0.contains("2016-05-14") || $0.contains("2016-10-03") }
        let separators = Set(rows.map { row in row.firstIndex(of: "│").map { row.distance(from: row.startIndex, to: $0) } })
        #expect(separators.count == 1)

        // Open the oldest article, page down, shrink the terminal: still reading the same text.
        try tmux.send("Enter")
        _ = try tmux.waitFor("By Steppe Editors · 5 May 2011")
        try tmux.resize(width: 100, height: 14)
        _ = try tmux.waitFor(5, "a short pane") { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 15 }
        try tmux.send("Space")
        screen = try tmux.waitFor(5, "scrolled") { !($0.split(separator: "\n").first ?? "").hasSuffix("Top") }
        let visibleWord = screen.contains("Russian border troops") || screen.contains("river border is hard")
            || screen.contains("bridges")
        #expect(visibleWord, "expected body text after paging:\n\(screen)")
        try tmux.resize(width: 80, height: 24)
        screen = try tmux.waitFor(5, "stacked article") { !$0.contains("│") && $0.contains("Panj") }

        try tmux.send("?")
        _ = try tmux.waitFor("Steppe — keys")
        try tmux.send("Escape")
        _ = try tmux.waitFor(5, "help closed") { !$0.contains("Steppe — keys") }
        try tmux.send("Q")
        #expect(waitForExit(home) == 0)
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefused() throws {
        let (tmux, home) = try start(env: "TERM=dumb")
        defer { tmux.close(); try? FileManager.default.removeItem(at: home) }
        // Curses may have scrolled the start of the message away on such a terminal; its end says enough.
        let screen = try tmux.waitFor("EXITED=1")
        #expect(screen.contains("'steppe list' and 'steppe show' work anywhere)"))
        #expect(waitForExit(home) == 1)
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func tooSmallTerminalSaysSoAndRecovers() throws {
        let (tmux, home) = try start(width: 30, height: 8)
        defer { tmux.close(); try? FileManager.default.removeItem(at: home) }
        _ = try tmux.waitFor("terminal too small")
        try tmux.resize(width: 90, height: 24)
        _ = try tmux.waitFor("All articles")
        try tmux.send("q")
        #expect(waitForExit(home) == 0)
    }

    /// A reader whose terminal disappears without a hang-up signal (it was started in a session of its
    /// own, so the kernel sends none) sees the end of its input and exits instead of spinning.
    @Test func aVanishedTerminalEndsTheReader() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let pidFile = home.appendingPathComponent("pid")
        let command = "env HOME=\(home.path) XDG_DATA_HOME=\(home.path)/data XDG_CACHE_HOME=\(home.path)/cache "
            + "LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=interactive=no "
            + "setsid -f sh -c 'echo $$ > \(pidFile.path); exec \(Harness.steppe.path)'; sleep 60"
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        _ = try tmux.waitFor("Steppe sample archive")
        let pid = try #require(Int32((try String(contentsOf: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        tmux.close()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, kill(pid, 0) == 0 { usleep(50_000) }
        let stillRunning = kill(pid, 0) == 0
        if stillRunning { kill(pid, SIGKILL) }
        #expect(!stillRunning, "steppe kept running after its terminal closed")
    }

    /// SIGTERM (kill), SIGHUP (the terminal closed), SIGQUIT (Ctrl-\), a crash signal sent from outside
    /// and the other fatal signals each restore the terminal, and the process still dies of the signal.
    @Test(arguments: [
        (SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131), (SIGABRT, 134), (SIGPIPE, 141), (SIGUSR1, 138), (SIGALRM, 142),
        (SIGBUS, 135), (SIGSYS, 159), (SIGIO, 157), (SIGPWR, 158),
        (34, 162),  // SIGRTMIN with glibc; Swift cannot import the macro
    ])
    func aFatalSignalRestoresTheTerminal(signal: Int32, status: Int) throws {
        let (tmux, home) = try start()
        defer { tmux.close(); try? FileManager.default.removeItem(at: home) }
        _ = try tmux.waitFor("Steppe sample archive")
        let shell = try tmux.tmuxRun(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs a shell; steppe is its child. Found through /proc, so no extra tools are needed.
        let shellPID = try #require(Int32(shell))
        let steppe = try #require(Harness.childProcesses(of: shellPID).first)
        #expect(kill(steppe, signal) == 0)
        #expect(waitForExit(home) == status)
        #expect(try !tmux.alternateScreenIsOn())
    }
}
}
