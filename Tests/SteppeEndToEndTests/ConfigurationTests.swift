import Foundation
import Testing

/// config.toml, themes, completions: through the real binary.
@Suite struct ConfigurationCommandTests {
    @Test func theDefaultConfigurationChecksCleanAndMistakesAreListed() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let defaults = try Harness.run(Harness.steppe, ["config", "--default"], environment: env)
        #expect(defaults.status == 0)
        let folder = home.appendingPathComponent("config/steppe")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try Data(defaults.stdout.utf8).write(to: file)
        let clean = try Harness.run(Harness.steppe, ["config", "--check"], environment: env)
        #expect(clean.status == 0)
        #expect(clean.stdout == "~/config/steppe/config.toml: no mistakes\n")
        try Data("theme = 7\n[layout]\nmenu-width = -3\n[keys.list]\nquit = \"\\u001B[31m\"\n".utf8).write(to: file)
        let wrong = try Harness.run(Harness.steppe, ["config", "--check"], environment: env)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.split(separator: "\n").map(String.init) == [
            "~/config/steppe/config.toml:1: theme: must be a string in quotes",
            "~/config/steppe/config.toml:3: layout.menu-width: '-3' is not allowed (0 to 200)",
            "~/config/steppe/config.toml:5: keys.list.quit: no key named '\\u{1B}[31m' (e.g. j, Ctrl-L, Shift-Tab, PgDn, F5)",
        ])
        #expect(!wrong.stderr.contains("\u{1B}"))
        let neither = try Harness.run(Harness.steppe, ["config"], environment: env)
        #expect(neither.status == 64)
    }

    @Test func themesAreListedAndCompletionsKnowTheSlugs() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Harness.isolatedEnvironment(home)
        let themes = try Harness.run(Harness.steppe, ["themes"], environment: env)
        #expect(themes.status == 0)
        #expect(themes.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) } == [
            "default", "high-contrast", "light", "monochrome", "solarized-dark", "solarized-light",
        ])
        for shell in ["bash", "zsh", "fish"] {
            let script = try Harness.run(Harness.steppe, ["--generate-completion-script", shell], environment: env)
            #expect(script.status == 0)
            for slug in ["central-asia", "tajikistan", "security", "the-bug-pit"] {
                #expect(script.stdout.contains(slug), "\(shell) completes \(slug)")
            }
        }
        // Themes are asked of steppe when the shell completes, so the reader's own are offered too.
        let own = home.appendingPathComponent("config/steppe/themes")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data(#"{"styles": {}}"#.utf8).write(to: own.appendingPathComponent("mine.json"))
        let themeNames = try Harness.run(Harness.steppe, ["---completion", "read", "--", "--theme", "3", "0"], environment: env)
        #expect(themeNames.stdout.split(separator: "\n").map(String.init).contains("mine"))
        #expect(themeNames.stdout.split(separator: "\n").map(String.init).contains("solarized-dark"))
    }

    @Test func aBrokenConfigurationIsShownAndTheReaderStartsAnyway() throws {
        let home = try Harness.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("config/steppe")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("theme = \"nonesuch\"\ndate-format = \"%e %b %Y\"\n[keys.list]\nmove-down = \"J\"\n".utf8)
            .write(to: folder.appendingPathComponent("config.toml"))
        let tmux = try TmuxSession(command: Harness.readerCommand(Harness.isolatedEnvironment(home)), width: 100, height: 30)
        defer { tmux.close() }
        let first = try tmux.waitFor("config.toml:1: theme: 'nonesuch' is not allowed (default, high-contrast")
        #expect(first.contains("Continue reading"))
        try tmux.send("Tab")
        try tmux.send("J")
        let moved = try tmux.waitFor(5, "J moves down") { $0.contains("2/36") }
        // The date format of the configuration: "1 Mar 2024", not "2024-03-01".
        #expect(moved.contains(" 1 Mar 2024"))
        try tmux.send("?")
        try tmux.send("PgDn")
        _ = try tmux.waitFor(5, "help lists J") { screen in
            screen.split(separator: "\n").contains { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("J ") && line.hasSuffix("Next article")
            }
        }
        try tmux.send("Q")
    }
}
