import Foundation
import SteppeResources
import Testing

@testable import SteppeRendering
@testable import SteppeViewModel

@Suite struct ThemeTests {
    @Test func bundledThemesLoadAndStyleEveryRole() throws {
        let names = Theme.available(in: [BundledResources.themesDirectory])
        #expect(names == ["default", "high-contrast", "light", "monochrome", "solarized-dark", "solarized-light"])
        for name in names {
            let theme = try Theme.named(name, in: [BundledResources.themesDirectory])
            for role in StyleRole.allCases {
                #expect(theme.styles[role] != nil, "\(name) leaves out \(role)")
            }
        }
    }

    @Test func unknownRoleOrColourIsNamedInTheError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\n  \"styles\": {\n    \"selection\": {\"fg\": \"mauve\"}}}".utf8).write(to: dir.appendingPathComponent("bad.json"))
        let bad = #expect(throws: Theme.LoadError.self) { try Theme.named("bad", in: [dir]) }
        #expect(bad?.description == "bad.json:3: styles.selection: unknown colour 'mauve'")
        try Data(##"{"styles": {"body": {"bg": "#12345"}}}"##.utf8).write(to: dir.appendingPathComponent("hex.json"))
        let hex = #expect(throws: Theme.LoadError.self) { try Theme.named("hex", in: [dir]) }
        #expect(hex?.description == "hex.json:1: styles.body: colour '#12345' is not #rrggbb")
        let missing = #expect(throws: Theme.LoadError.self) { try Theme.named("nope", in: [dir]) }
        #expect(missing?.description == "no theme named 'nope' (available: bad, hex)")
    }

    @Test func colorsReduceToEightAndDisappearWithNoColor() {
        #expect(ThemeColor.index(12).reduced(toColors: 8) == .index(4))
        #expect(ThemeColor.index(31).reduced(toColors: 8) == .index(6))
        #expect(ThemeColor.index(196).reduced(toColors: 8) == .index(1))
        #expect(ThemeColor.index(236).reduced(toColors: 8) == .index(0))
        // Greys are not yellow: grey text turns white, a grey background black.
        #expect(ThemeColor.index(244).reduced(toColors: 8) == .index(7))
        #expect(ThemeColor.index(240).reduced(toColors: 8) == .index(7))
        #expect(ThemeColor.index(244).reduced(toColors: 8, isBackground: true) == .index(0))
        #expect(ThemeColor.index(3).reduced(toColors: 8) == .index(3))
        let selection = CellStyle(foreground: .index(230), background: .index(31), bold: true)
        #expect(selection.withoutColor == CellStyle(bold: true, reverse: true))
        #expect(CellStyle(foreground: .index(244)).withoutColor == CellStyle())
    }
}

@Suite struct ReducedThemeTests {
    @Test func aFocusedTitleNeverLooksLikeTheSelection() throws {
        let theme = try Theme.named("default", in: [BundledResources.themesDirectory])
        for reduced in [theme.reduced(toColors: 8), theme.reduced(toColors: 16), theme.withoutColor] {
            #expect(reduced.style(for: .paneTitleFocused) != reduced.style(for: .selection))
            #expect(reduced.style(for: .selectionInactive) != reduced.style(for: .selection))
        }
    }
}

@Suite struct ThemeFallbackTests {
    @Test func aBrokenUserThemeFallsBackToTheBundledOneAndSaysWhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"styles\": {\n  \"selection\": {\"fg\": 1\n}".utf8).write(to: dir.appendingPathComponent("default.json"))
        let resolved = try Theme.resolve("default", user: dir, bundled: BundledResources.themesDirectory)
        #expect(resolved.theme == (try Theme.named("default", in: [BundledResources.themesDirectory])))
        let problem = try #require(resolved.problem)
        #expect(problem == "default.json:3:2: malformed JSON: unexpected end of file, expected ',' or '}'")
    }
}

@Suite struct ThemeColourTests {
    @Test func hexColoursMapToTheNearestTheTerminalHas() {
        let orange = ThemeColor.rgb(0xCB, 0x4B, 0x16)
        // Direct colour keeps it; 256 colours take the nearest of the cube (215, 95, 0) = 166.
        #expect(orange.reduced(toColors: ThemeColor.directColors) == orange)
        #expect(orange.reduced(toColors: 256) == .index(166))
        // Eight colours: red.
        #expect(orange.reduced(toColors: 8) == .index(1))
        // Exact cube and grey values map to themselves.
        #expect(ThemeColor.rgb(0, 95, 135).reduced(toColors: 256) == .index(24))
        #expect(ThemeColor.rgb(0x80, 0x80, 0x80).reduced(toColors: 256) == .index(244))
        // A dark grey background stays dark on eight colours; light text stays light.
        #expect(ThemeColor.rgb(0x07, 0x36, 0x42).reduced(toColors: 8, isBackground: true) == .index(0))
        #expect(ThemeColor.rgb(0xEE, 0xE8, 0xD5).reduced(toColors: 8) == .index(7))
    }

    @Test func aUserThemeMayLeaveRolesOutAndInheritsTheDefault() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(##"{"styles": {"selection": {"fg": "#ffffff", "bg": "#aa0000"}}}"##.utf8).write(to: dir.appendingPathComponent("mine.json"))
        let bundled = BundledResources.themesDirectory
        let (mine, problem) = try Theme.resolve("mine", user: dir, bundled: bundled)
        #expect(problem == nil)
        let standard = try Theme.named("default", in: [bundled])
        #expect(mine.style(for: .selection) == CellStyle(foreground: .rgb(255, 255, 255), background: .rgb(0xAA, 0, 0)))
        for role in StyleRole.allCases where role != .selection { #expect(mine.style(for: role) == standard.style(for: role)) }
        // A user theme named like a bundled one is the one used.
        try Data(#"{"styles": {"body": {"fg": 1}}}"#.utf8).write(to: dir.appendingPathComponent("light.json"))
        let light = try Theme.resolve("light", user: dir, bundled: bundled).theme
        #expect(light.style(for: .body).foreground == .index(1))
    }
}

@Suite struct ThemeFileTests {
    @Test func unknownAttributesFractionalColoursAndFoldersAreNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\n  \"styles\": {\n    \"body\": { \"blink\": true }\n  }\n}".utf8).write(to: dir.appendingPathComponent("blink.json"))
        let blink = #expect(throws: Theme.LoadError.self) { try Theme.named("blink", in: [dir]) }
        #expect(blink?.description == "blink.json:3: styles.body: unknown attribute 'blink' (fg, bg, bold, dim, italic, underline, reverse)")
        // The line of the attribute, not of the role it is in.
        try Data("{\"styles\":{\n\"body\":{\n\"blink\":true}}}".utf8).write(to: dir.appendingPathComponent("deep.json"))
        let deep = #expect(throws: Theme.LoadError.self) { try Theme.named("deep", in: [dir]) }
        #expect(deep?.description.hasPrefix("deep.json:3: styles.body: unknown attribute 'blink'") == true)
        try Data(#"{"styles": {"body": {"fg": 1.5}}}"#.utf8).write(to: dir.appendingPathComponent("half.json"))
        let half = #expect(throws: Theme.LoadError.self) { try Theme.named("half", in: [dir]) }
        #expect(half?.description == "half.json:1: styles.body.fg: colour 1.5 is not a whole number 0–255")
        // A theme may give only modifiers.
        try Data(#"{"modifiers": {"unread": {"underline": true}}}"#.utf8).write(to: dir.appendingPathComponent("only.json"))
        let base = try Theme.named("default", in: [BundledResources.themesDirectory])
        let only = try Theme.named("only", in: [dir], inheriting: base)
        #expect(only.styles == base.styles)
        #expect(only.overlay(for: .unread) == StyleOverlay(underline: true))
        // A folder or a link to nothing is no theme.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.json").path, withDestinationPath: "/nonexistent")
        #expect(Theme.available(in: [dir]) == ["blink", "deep", "half", "only"])
        // Those that load, with the bundled ones, are what T goes round.
        let bundled = BundledResources.themesDirectory
        #expect(Theme.usable(user: dir, bundled: bundled) == (Theme.available(in: [bundled]) + ["only"]).sorted())
    }
}

