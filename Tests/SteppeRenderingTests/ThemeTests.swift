import Foundation
import SteppeResources
import Testing

@testable import SteppeRendering
@testable import SteppeViewModel

@Suite struct ThemeTests {
    @Test func bundledThemesLoadAndStyleEveryRole() throws {
        let names = Theme.available(in: [BundledResources.themesDirectory])
        #expect(names.contains("default") && names.contains("light"))
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
        try Data(#"{"styles": {"selection": {"fg": "mauve"}}}"#.utf8).write(to: dir.appendingPathComponent("bad.json"))
        let bad = #expect(throws: Theme.LoadError.self) { try Theme.named("bad", in: [dir]) }
        #expect(bad?.description.hasSuffix("bad.json: styles.selection: unknown colour 'mauve'") == true)
        let missing = #expect(throws: Theme.LoadError.self) { try Theme.named("nope", in: [dir]) }
        #expect(missing?.description == "no theme named 'nope' (available: bad)")
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
        #expect(problem == dir.appendingPathComponent("default.json").path + ":3:2: malformed JSON: unexpected end of file, expected ',' or '}'")
    }
}
