import Foundation
import Testing

/// Bookmarks and notes in the real binary: written in the reader, kept across restarts and kills,
/// exported and imported.
extension EndToEnd {
@Suite struct NotesTests {
    /// steppe in a tmux pane, with its data in `home`.
    /// steppe in a tmux pane, with its data in `home`; with `recordingExit`, the shell writes steppe's
    /// exit status to `home/exit-status` (tmux does not always learn it).
    func start(_ home: URL, width: Int = 100, height: Int = 30, recordingExit: Bool = false) throws -> TmuxSession {
        var command = "env HOME=\(home.path) XDG_DATA_HOME=\(home.path)/data XDG_CACHE_HOME=\(home.path)/cache "
            + "XDG_STATE_HOME=\(home.path)/state LANG=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=interactive=no "
            + "\(Harness.steppe.path)"
        if recordingExit { command += "; echo $? > \(home.path)/exit-status" }
        return try TmuxSession(command: command, width: width, height: height)
    }

    /// Opens the newest article and starts a note on it.
    func writeNote(in tmux: TmuxSession) throws {
        _ = try tmux.waitFor("All articles")
        try tmux.send("Tab", "Enter")
        _ = try tmux.waitFor("By Security Desk")
        try tmux.send("a")
        _ = try tmux.waitFor("New note")
    }

    func exitStatus(_ home: URL) -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: home.appendingPathComponent("exit-status"), encoding: .utf8) {
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            usleep(50_000)
        }
        return nil
    }

    /// The process a pane runs, found through /proc.
    func panePID(_ tmux: TmuxSession) throws -> Int32 {
        try #require(Int32(try tmux.tmuxRun(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aBookmarkAndARussianNoteSurviveAKillARestartAndExport() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        var tmux = try start(home)
        _ = try tmux.waitFor("All articles")
        // Bookmark the newest article, open it, note its second paragraph in Russian.
        try tmux.send("Tab", "s")
        _ = try tmux.waitFor("Bookmarked")
        try tmux.send("Enter")
        _ = try tmux.waitFor("By Security Desk")
        try tmux.send("]", "]", "a")
        _ = try tmux.waitFor("New note")
        try tmux.tmuxRun(["send-keys", "-l", "Заметка: ОДКБ и Армения"])
        try tmux.send("C-s")
        _ = try tmux.waitFor("Note saved")
        // Killed at once: nothing that was said to be saved may be lost.
        let pid = try panePID(tmux)
        #expect(kill(pid, SIGKILL) == 0)
        tmux.close()

        tmux = try start(home)
        defer { tmux.close() }
        // The session brings the article back, with its note under the paragraph.
        var screen = try tmux.waitFor("Заметка: ОДКБ и Армения")
        #expect(screen.contains("✎"))
        #expect(screen.contains("Bookmarks            1") && screen.contains("Notes                1"))
        try tmux.send("Escape")
        _ = try tmux.waitFor(5, "the list") { $0.contains("Enter/→ open") }
        try tmux.send("Escape")
        _ = try tmux.waitFor(5, "the menu") { $0.contains("Enter articles") }
        try tmux.send("g", "j", "j", "Enter")
        screen = try tmux.waitFor(5, "the bookmark list") { $0.contains("· Bookmarks") && $0.contains("What the Collective Security Treaty") }
        #expect(screen.contains("★"))
        #expect(screen.contains("✎1"))
        try tmux.send("Q")

        let env = Harness.isolatedEnvironment(home)
        let markdown = try Harness.run(Harness.steppe, ["notes", "export"], environment: env)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("## What the Collective Security Treaty Organisation is"))
        #expect(markdown.stdout.contains("Заметка: ОДКБ и Армения"))
        let bookmarks = try Harness.run(Harness.steppe, ["bookmarks"], environment: env)
        #expect(bookmarks.stdout.contains("csto-explained\tWhat the Collective Security Treaty Organisation is\t1 note"))
    }

    /// Ctrl-C is a key: in the editor it asks before throwing a changed note away; elsewhere it quits
    /// as Q does, restoring the terminal, instead of killing the reader.
    @Test func ctrlCAsksInTheEditorAndQuitsCleanlyElsewhere() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try start(home, recordingExit: true)
        defer { tmux.close() }
        try writeNote(in: tmux)
        try tmux.tmuxRun(["send-keys", "-l", "half a thought"])
        try tmux.send("C-c")
        _ = try tmux.waitFor("Discard the changes to this note?")
        try tmux.send("n")
        _ = try tmux.waitFor(5, "the editor again") { $0.contains("half a thought") && !$0.contains("Discard") }
        try tmux.send("C-c", "y")
        _ = try tmux.waitFor(5, "the editor closed") { !$0.contains("New note") }
        try tmux.send("C-c")
        _ = try tmux.waitFor(5, "steppe to end") { !$0.contains("By Security Desk") }
        #expect(exitStatus(home) == "0")
        #expect(try !tmux.alternateScreenIsOn())
    }

    /// SIGTERM while a note is being written: the note is saved, and steppe still dies of the signal.
    @Test func aTerminatedReaderSavesTheNoteBeingWritten() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try start(home, recordingExit: true)
        defer { tmux.close() }
        try writeNote(in: tmux)
        try tmux.tmuxRun(["send-keys", "-l", "written when the signal came"])
        _ = try tmux.waitFor("written when the signal came")
        let shell = try #require(Int32(try tmux.tmuxRun(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let steppe = try #require(Harness.childProcesses(of: shell).first)
        #expect(kill(steppe, SIGTERM) == 0)
        #expect(exitStatus(home) == "143")
        #expect(try !tmux.alternateScreenIsOn())
        let export = try Harness.run(Harness.steppe, ["notes", "export"], environment: Harness.isolatedEnvironment(home))
        #expect(export.stdout.contains("written when the signal came"))
    }

    @Test func jsonExportImportedIntoAnEmptyStoreExportsTheSame() throws {
        let home = try Harness.temporaryHome()
        let other = try Harness.temporaryHome()
        defer {
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: other)
        }
        let tmux = try start(home)
        _ = try tmux.waitFor("All articles")
        try tmux.send("Tab", "j", "s", "L")
        try tmux.tmuxRun(["send-keys", "-l", "thesis, follow up"])
        try tmux.send("Enter", "Enter")
        _ = try tmux.waitFor("By Steppe Editors")
        try tmux.send("v", "l", "l", "a")
        try tmux.tmuxRun(["send-keys", "-l", "a quote"])
        try tmux.send("Escape")
        _ = try tmux.waitFor("Note saved")
        try tmux.send("Q")
        tmux.close()

        let export = try Harness.run(Harness.steppe, ["notes", "export", "--format", "json"], environment: Harness.isolatedEnvironment(home))
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"follow up\""))
        let file = other.appendingPathComponent("notes.json")
        try Data(export.stdout.utf8).write(to: file)
        let imported = try Harness.run(Harness.steppe, ["notes", "import", file.path], environment: Harness.isolatedEnvironment(other))
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try Harness.run(Harness.steppe, ["notes", "import", file.path], environment: Harness.isolatedEnvironment(other))
        #expect(again.stdout == "Imported 0 bookmarks and 0 notes; 2 already present\n")
        let second = try Harness.run(Harness.steppe, ["notes", "export", "--format", "json"], environment: Harness.isolatedEnvironment(other))
        #expect(second.stdout == export.stdout)
        let thesis = try Harness.run(Harness.steppe, ["notes", "export", "--label", "thesis"], environment: Harness.isolatedEnvironment(other))
        #expect(thesis.stdout.contains("Bookmarks: follow up, thesis"))
        let unknown = try Harness.run(Harness.steppe, ["notes", "export", "--label", "nothing"], environment: Harness.isolatedEnvironment(other))
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "steppe: No bookmark has the label 'nothing'\n")
    }

    /// A store that cannot be read is an error for a command, never an empty list; it is left as it was.
    @Test func commandsOnAnUnreadableStoreFailAndLeaveItAlone() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let folder = home.appendingPathComponent("data/steppe")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let garbage = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        try garbage.write(to: folder.appendingPathComponent("user.sqlite"))
        for arguments in [["bookmarks"], ["notes", "export", "--format", "json"], ["notes", "export"]] {
            let result = try Harness.run(Harness.steppe, arguments, environment: env)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("steppe: \(folder.path)/user.sqlite: "), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("user.sqlite")) == garbage)
        // A command that only reads creates no store where there is none.
        let fresh = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let empty = try Harness.run(Harness.steppe, ["bookmarks"], environment: Harness.isolatedEnvironment(fresh))
        #expect(empty.status == 0)
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent("data/steppe/user.sqlite").path))
    }

    /// Imports killed with SIGKILL at random points: every import that finished is in the store, and
    /// the store still opens for writing.
    @Test func killedWritersLeaveEveryCommittedChange() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let files = (0..<40).map { i in home.appendingPathComponent("export-\(i).json") }
        for (i, file) in files.enumerated() {
            // Enough notes per import that a kill often lands inside its transaction.
            let notes = (0..<300).map { n in
                #"{"id":"n-\#(i)-\#(n)","articleID":"a-\#(i)","text":"note \#(n) \#(String(repeating: "x", count: 200))","createdAt":\#(n),"updatedAt":\#(n)}"#
            }
            let json = #"{"format":"steppe-notes","version":1,"articles":[{"id":"a-\#(i)","title":"A \#(i)","url":"","regions":[]}],"#
                + #""bookmarks":[{"articleID":"a-\#(i)","createdAt":\#(i),"labels":[]}],"notes":[\#(notes.joined(separator: ","))]}"#
            try Data(json.utf8).write(to: file)
        }
        let log = home.appendingPathComponent("done.log")
        let env = Harness.isolatedEnvironment(home)
        for round in 0..<3 {
            // One shell runs the imports in turn and logs each that returned; it is killed mid-way.
            let order = files[(round * 13)...] + files[..<(round * 13)]
            let script = order.map { "\(Harness.steppe.path) notes import \($0.path) >/dev/null && echo \($0.lastPathComponent) >> \(log.path)" }
                .joined(separator: "; ")
            let pid = Harness.spawnGroup(script, environment: env)
            #expect(pid > 0)
            usleep(UInt32(150_000 + round * 170_000))
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let done = Set(((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        // Some imports finished and some were cut short, or the test shows nothing.
        #expect(!done.isEmpty && done.count < files.count * 3)
        let listed = try Harness.run(Harness.steppe, ["bookmarks"], environment: env)
        #expect(listed.status == 0, "\(listed.stderr)")
        for name in done {
            let i = name.dropFirst("export-".count).dropLast(".json".count)
            #expect(listed.stdout.contains("\ta-\(i)\tA \(i)\t300 notes"), "\(name)")
        }
        // Each article has all of its notes or none: an import is one transaction.
        for line in listed.stdout.split(separator: "\n") {
            #expect(line.contains("\t300 notes"), "\(line)")
        }
        // The store was not damaged: it still takes a write.
        let again = try Harness.run(Harness.steppe, ["notes", "import", files[0].path], environment: env)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
}
