import Foundation
import SteppeCore
import SteppeTestSupport
import SteppeViewModel
import Testing

@testable import SteppeConfig

@Suite struct ConfigurationTests {
    func parse(_ text: String) -> (Configuration, [ConfigProblem]) { Configuration.parse(text, file: "config.toml") }

    @Test func theDefaultConfigurationParsesAndIsTheBuiltInDefaults() {
        let (configuration, problems) = parse(Configuration.defaultText())
        #expect(problems == [])
        #expect(configuration.keyMap == KeyMap.standard)
        #expect(configuration.preferences == Preferences.standard)
        #expect(configuration.theme == "default")
        #expect(configuration.archive == nil)
        #expect(configuration.language == nil)
    }

    @Test func settingsAreRead() {
        let (c, problems) = parse("""
            archive = "~/news"
            theme = "solarized-dark"
            language = "ru"
            date-format = "%e %b %Y"
            mouse = false
            [layout]
            arrangement = "stacked"
            menu-width = 30
            reading-width = 72
            """)
        #expect(problems == [])
        #expect(c.archive == "~/news")
        #expect(c.theme == "solarized-dark")
        #expect(c.language == .russian)
        #expect(c.preferences.dateFormat.pattern == "%e %b %Y")
        #expect(c.preferences.mouse == false)
        #expect(c.preferences.arrangement == .stacked)
        #expect(c.preferences.menuWidth == 30)
        #expect(c.preferences.readingWidth == 72)
    }

    @Test func aMistakeNamesItsLineAndKeyAndOnlyThatSettingKeepsItsDefault() {
        let (c, problems) = parse("""
            theme = "light"
            mouse = "yes"

            [layout]
            menu-width = 5000
            reading-wdith = 70
            list-percent = 50
            """)
        #expect(c.theme == "light")
        #expect(c.preferences.mouse == true)
        #expect(c.preferences.menuWidth == 0)
        #expect(c.preferences.listPercent == 50)
        let messages = problems.map(Strings.english.configProblem)
        #expect(messages == [
            "config.toml:2: mouse: must be true or false",
            "config.toml:5: layout.menu-width: '5000' is not allowed (0 to 200)",
            "config.toml:6: layout.reading-wdith: no such setting",
        ])
    }

    @Test func notTOMLAtAllGivesTheLineAndTheDefaults() {
        let (c, problems) = parse("theme = \"light\"\nmouse = \n")
        #expect(c == Configuration.defaults)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        if case .syntax = problems.first?.kind {} else { Issue.record("expected a syntax problem") }
    }

    @Test func badDateFormatsLanguagesAndKeysAreNamed() {
        let (_, problems) = parse("""
            date-format = "%Y %q"
            language = "fr"
            [keys.list]
            move-down = "Hyper-J"
            fly = "f"
            [keys.nowhere]
            quit = "x"
            """)
        #expect(problems.map(Strings.english.configProblem) == [
            "config.toml:1: date-format: '%q' is not allowed (%Y %y %m %d %e %b %B %%)",
            "config.toml:2: language: 'fr' is not allowed (auto, en, ru)",
            "config.toml:4: keys.list.move-down: no key named 'Hyper-J' (e.g. j, Ctrl-L, Shift-Tab, PgDn, F5)",
            "config.toml:5: keys.list.fly: no command 'fly' (steppe config --default lists them)",
            "config.toml:6: keys.nowhere: no key context 'nowhere' (global, menu, list, article, selecting, editor, prompt, confirm, search, finding, found, help)",
        ])
    }

    @Test func conflictingBindingsAreReportedWithBothLines() {
        let (c, problems) = parse("""
            [keys.list]
            move-down = ["J", "Down"]
            toggle-read = "J"
            """)
        #expect(problems.map(Strings.english.configProblem) == [
            "config.toml:3: keys.list.toggle-read: J is already bound to move-down on line 2; toggle-read does not get it"
        ])
        #expect(c.keyMap.command(for: .char("J"), in: .list) == .moveDown)
        // toggle-read asked only for J, which it did not get: it keeps its own m.
        #expect(c.keyMap.command(for: .char("m"), in: .list) == .toggleRead)
    }

    @Test func aRebindingChangesBothBehaviourAndTheHelpScreen() {
        let (c, problems) = parse("""
            [keys.list]
            move-down = "J"
            toggle-bookmark = "j"
            """)
        #expect(problems == [])
        let map = c.keyMap
        #expect(map.command(for: .char("J"), in: .list) == .moveDown)
        #expect(map.command(for: .char("j"), in: .list) == .toggleBookmark)
        // Its old key "s" went with the rebinding; Down was move-down's and went too.
        #expect(map.command(for: .char("s"), in: .list) == nil)
        #expect(map.command(for: .down, in: .list) == nil)
        var s = AppState(size: Size(width: 120, height: 40), archiveLabel: "t", catalogue: TestLibrary.make().catalogue, keyMap: map)
        s.press(.tab)
        #expect(s.focus == .list)
        let before = s.list.selected
        s.press(.char("J"))
        #expect(s.list.selected == before + 1)
        let help = s.helpLines.compactMap { line -> String? in
            if case .binding(let keys, let text) = line, text == Strings.english.help(.moveDown, in: .list) { return keys }
            return nil
        }
        #expect(help.contains("J"))
    }

    @Test func everyKeyOfTheStandardMapHasANameThatReadsBack() {
        for binding in KeyMap.standard.bindings {
            for key in binding.keys { #expect(KeyPress(configName: key.configName) == key, "\(key.configName)") }
        }
        #expect(KeyPress(configName: "ctrl-l") == .ctrl("l"))
        #expect(KeyPress(configName: "Shift-Tab") == .backTab)
        #expect(KeyPress(configName: "pagedown") == .pageDown)
        #expect(KeyPress(configName: "-") == .char("-"))
        #expect(KeyPress(configName: "Ctrl-") == nil)
        #expect(KeyPress(configName: "\u{1B}") == nil)
        for command in Command.allCases { #expect(Command(configName: command.configName) == command) }
    }

    @Test func keysAreCheckedForWhatTheyDoWhereAndWhetherTheyCanBeSent() {
        let (c, problems) = parse("""
            [keys.list]
            save-note = "Ctrl-W"
            toggle-read = "Ctrl-I"
            move-down = "Shift-j"
            [keys.search]
            close-search = "e"
            open-result = ["Space", "Ctrl-O"]
            [keys.global]
            quit = []
            toggle-help = "F1"
            """)
        #expect(problems.map(Strings.english.configProblem) == [
            "config.toml:2: keys.list.save-note: save-note does nothing here (it works in: editor)",
            "config.toml:3: keys.list.toggle-read: terminals cannot send Ctrl-I apart from another key",
            "config.toml:4: keys.list.move-down: terminals cannot send Shift-j apart from another key",
            "config.toml:6: keys.search.close-search: e types or edits the text here; choose a key the text does not use (an F-key, PgDn, Ctrl-O…)",
            "config.toml:7: keys.search.open-result: Space types or edits the text here; choose a key the text does not use (an F-key, PgDn, Ctrl-O…)",
            "config.toml:9: keys.global.quit: quit needs a key here, or there is no way out: its default keys are kept",
        ])
        let map = c.keyMap
        #expect(map.command(for: .char("Q"), in: .list) == .quit)
        #expect(map.command(for: .ctrl("c"), in: .list) == .quit)
        #expect(map.command(for: KeyPress(.function(1)), in: .list) == .toggleHelp)
        #expect(map.command(for: .char("?"), in: .list) == nil)
        #expect(map.command(for: .char("e"), in: .search) == nil)
        #expect(map.command(for: .escape, in: .search) == .closeSearch)
    }

    @Test func keysThatEditTheTextStayWithTheText() {
        let (_, problems) = parse("""
            [keys.search]
            next-result = ["Backspace", "Down"]
            previous-result = ["Ctrl-W", "Alt-b", "Left"]
            open-result = "Enter"
            [keys.editor]
            save-note = ["Enter", "Ctrl-S"]
            discard-note = "Tab"
            """)
        #expect(problems.map { $0.line } == [2, 3, 6, 7])
        #expect(problems.allSatisfy { if case .keyTypesText = $0.kind { true } else { false } })
        for key in [KeyPress.backspace, .left, .right, .home, .end, .delete, .ctrl("w"), .ctrl("u"), .alt("b")] {
            #expect(key.editsText(in: .search), "\(key.configName)")
        }
        for key in [KeyPress.enter, .escape, .up, .down, .pageDown, KeyPress(.function(2)), .ctrl("o")] {
            #expect(!key.editsText(in: .search), "\(key.configName)")
        }
        #expect(KeyPress.enter.editsText(in: .editor))
        #expect(KeyPress.up.editsText(in: .editor))
        #expect(!KeyPress.ctrl("s").editsText(in: .editor))
        #expect(!KeyPress.backspace.editsText(in: .list))
    }

    @Test func valuesOutsideWhatMakesSenseAreRefused() {
        let (c, problems) = parse("""
            archive = "relative/news"
            date-format = "%B %e, %Y — %B %e, %Y"
            [layout]
            reading-width = 5
            """)
        #expect(c == Configuration.defaults)
        #expect(problems.map(Strings.english.configProblem) == [
            "config.toml:1: archive: 'relative/news' is not allowed (a path from / or ~/)",
            "config.toml:2: date-format: '%B %e, %Y — %B %e, %Y' is not allowed (a date of at most 24 columns)",
            "config.toml:4: layout.reading-width: '5' is not allowed (0, or 20 to 1000)",
        ])
        #expect(parse("archive = \"~/news\"").0.archivePath(home: "/home/ann") == "/home/ann/news")
    }

    @Test func linesAreFoundInCRLFFilesInlineTablesAndDottedKeys() {
        let crlf = parse("theme = \"light\"\r\nmouse = 3\r\n").1
        #expect(crlf.map(\.line) == [2])
        let inline = parse("mouse = true\nlayout = { menu-width = 500 }\n").1
        #expect(inline.map(\.line) == [2])
        let dotted = parse("mouse = true\n\nlayout.menu-widht = 30\n").1
        #expect(dotted.map(Strings.english.configProblem) == ["config.toml:3: layout.menu-widht: no such setting"])
    }

    @Test func aFileThatCannotBeReadIsSaidAndNothingInItIsUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nul = folder.appendingPathComponent("nul.toml")
        try Data("mouse = false\n\0\nlanguage = 5\n".utf8).write(to: nul)
        let (c, problems) = Configuration.load(nul, shownAs: "nul.toml")
        #expect(c == Configuration.defaults)
        #expect(problems.map(Strings.english.configProblem) == ["nul.toml:2: not valid TOML: a NUL byte"])
        let folderInstead = folder.appendingPathComponent("dir.toml")
        try FileManager.default.createDirectory(at: folderInstead, withIntermediateDirectories: true)
        #expect(Configuration.load(folderInstead, shownAs: "dir.toml").1.map(Strings.english.configProblem) == [
            "dir.toml: is a folder, not a file"
        ])
        let large = folder.appendingPathComponent("large.toml")
        try Data(repeating: 0x23, count: Int(Configuration.sizeLimit) + 1).write(to: large)
        #expect(Configuration.load(large, shownAs: "large.toml").1.map(Strings.english.configProblem) == [
            "large.toml: larger than 1.0 MB, too large for a configuration"
        ])
        #expect(Configuration.load(folder.appendingPathComponent("none.toml"), shownAs: "none.toml").1 == [])
    }
}
