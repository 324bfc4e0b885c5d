import Testing

@testable import SteppeCore

@Suite struct TextTests {
    @Test func widthsOfScripts() {
        #expect(DisplayWidth.of("Tajikistan") == 10)
        #expect(DisplayWidth.of("Таджикистан") == 11)
        #expect(DisplayWidth.of("霍尔果斯") == 8)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🏔") == 1)
        #expect(DisplayWidth.of("😀") == 2)
    }

    @Test func truncationCutsAtACharacterBoundaryWithAnEllipsis() {
        #expect(DisplayWidth.truncate("Kyrgyzstan", to: 6) == "Kyrgy…")
        #expect(DisplayWidth.truncate("霍尔果斯口岸", to: 6) == "霍尔…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("霍尔果斯口岸", to: 5)) <= 5)
        #expect(DisplayWidth.truncate("a short history of the war", to: 24) == "a short history of the…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
    }

    @Test func sanitizerRemovesControlsJoinersAndSelectors() {
        #expect(TextSanitizer.clean("a\u{1B}[31mred\u{7}") == "a[31mred")
        #expect(TextSanitizer.clean("👨\u{200D}👩\u{200D}👧") == "👨👩👧")
        #expect(TextSanitizer.clean("❤\u{FE0F}") == "❤")
        #expect(TextSanitizer.clean("line\none\ttab") == "line one tab")
        #expect(TextSanitizer.clean("\u{9B}31m") == "31m")
    }

    @Test func wrappingBreaksAtSpacesByDisplayWidth() {
        let lines = TextWrapper.wrap("The Panj river forms the border", width: 10).map(\.text)
        #expect(lines == ["The Panj", "river", "forms the", "border"])
        #expect(TextWrapper.wrap("Памирский тракт связывает Хорог", width: 16).map(\.text) == ["Памирский тракт", "связывает Хорог"])
    }

    @Test func wrappingBreaksCJKBetweenCharacters() {
        let lines = TextWrapper.wrap("新疆维吾尔自治区", width: 7)
        #expect(lines.map(\.text) == ["新疆维", "吾尔自", "治区"])
        #expect(lines.map(\.start) == [0, 3, 6])
        #expect(lines.allSatisfy { $0.width <= 7 })
    }

    @Test func overlongWordsAreBrokenAndOffsetsTrackTheSource() {
        let lines = TextWrapper.wrap("ab abcdefghij c", width: 4)
        #expect(lines.map(\.text) == ["ab", "abcd", "efgh", "ij c"])
        #expect(lines.map(\.start) == [0, 3, 7, 11])
    }

    @Test func datesParseAndFormat() throws {
        let d = try #require(PublishedDate(iso: "2011-05-05"))
        #expect(d.isoString == "2011-05-05")
        #expect(Strings.english.longDate(d) == "5 May 2011")
        #expect(Strings(.russian).longDate(d) == "5 мая 2011")
        #expect(PublishedDate(iso: "2011-05-05T10:00:00+02:00")?.isoString == "2011-05-05T10:00:00+02:00")
        #expect(PublishedDate(iso: "1999-12-31T23:59:59.5Z")?.year == 1999)
        #expect(PublishedDate(iso: "2023-02-29") == nil)
        #expect(PublishedDate(iso: "2024-02-29") != nil)
    }

    @Test func syntaxLocatorFindsLineAndColumn() {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
        #expect(JSONSyntaxLocator.locate(in: Array(text.utf8)) == .init(line: 3, column: 11, reason: "unexpected byte 0xa in 'true'"))
        #expect(JSONSyntaxLocator.locate(in: Array(#"{"a": [1, 2}"#.utf8))?.reason == "unexpected '}', expected ',' or ']'")
        #expect(JSONSyntaxLocator.locate(in: Array(#"{"a": "ok"}"#.utf8)) == nil)
    }
}

@Suite struct VisibleTextTests {
    @Test func controlsBecomeVisibleAndTheRestStays() {
        #expect(VisibleText.escape("plain Таджикистан 霍尔果斯") == "plain Таджикистан 霍尔果斯")
        #expect(VisibleText.escape("a\u{1B}]52;c;eA==\u{07}b") == #"a\u{1B}]52;c;eA==\u{7}b"#)
        #expect(VisibleText.escape("x\u{9B}1m\u{202E}y\nz") == #"x\u{9B}1m\u{202E}y\u{A}z"#)
    }

    @Test func jsonKeepsItsWhitespaceAndEscapesWhatTheEncoderLeft() {
        #expect(VisibleText.json("[\n  \"a\u{85}\u{202E}\"\n]") == "[\n  \"a\\u0085\\u202e\"\n]")
    }
}

@Suite struct PublishedDateOffsetTests {
    @Test func aDateKeepsTheDayAndOffsetItWasPublishedIn() throws {
        let almaty = try #require(PublishedDate(iso: "2022-01-05T02:00:00+06:00"))
        #expect(almaty.dayString == "2022-01-05")
        #expect(Strings.english.longDate(almaty) == "5 January 2022")
        #expect(almaty.isoString == "2022-01-05T02:00:00+06:00")
        let utc = try #require(PublishedDate(iso: "2022-01-04T20:00:00Z"))
        // The same instant: neither sorts before the other.
        #expect(!(almaty < utc) && !(utc < almaty))
        #expect(try #require(PublishedDate(iso: "2011-05-05T14:30:00-04:30")).isoString == "2011-05-05T14:30:00-04:30")
        #expect(try #require(PublishedDate(iso: "2011-05-05")).isoString == "2011-05-05")
        #expect(PublishedDate(iso: "2011-05-05T14:30:00+25:00") == nil)
    }
}

@Suite struct EmojiSequenceTests {
    @Test func flagsAndSkinTonesBecomeWhatEveryTerminalDrawsAlike() {
        #expect(TextSanitizer.clean("🇰🇿 Almaty 👍🏽") == "KZ Almaty 👍")
        #expect(DisplayWidth.of(TextSanitizer.clean("🇰🇿 Almaty 👍🏽")) == 2 + 1 + 6 + 1 + 2)
        #expect(TextSanitizer.clean("👨\u{200D}👩\u{200D}👧") == "👨👩👧")
    }
}
