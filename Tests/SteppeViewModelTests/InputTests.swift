import SteppeCore
import Testing

@testable import SteppeViewModel

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for c in text { #expect(field.reduce(.char(c)) == .edited) }
    }

    @Test func typesAnyScriptAndMovesByCharacter() {
        var field = TextField()
        typed("Таджикистан 霍尔果斯", into: &field)
        #expect(field.text == "Таджикистан 霍尔果斯")
        #expect(field.cursor == 16)
        #expect(field.reduce(.left) == .moved)
        #expect(field.reduce(.backspace) == .edited)
        #expect(field.text == "Таджикистан 霍尔斯")
        #expect(field.reduce(.home) == .moved)
        #expect(field.reduce(.delete) == .edited)
        #expect(field.text == "аджикистан 霍尔斯")
        #expect(field.reduce(.end) == .moved)
        #expect(field.cursor == field.characters.count)
    }

    @Test func wordMovesAndDeletions() {
        var field = TextField("region:central-asia Душанбе border")
        #expect(field.reduce(.ctrl("w")) == .edited)
        #expect(field.text == "region:central-asia Душанбе ")
        #expect(field.reduce(KeyPress(.left, .control)) == .moved)
        #expect(field.cursor == 20)
        #expect(field.reduce(.alt("b")) == .moved)
        #expect(field.cursor == 15)
        #expect(field.reduce(.ctrl("k")) == .edited)
        #expect(field.text == "region:central-")
        #expect(field.reduce(.ctrl("u")) == .edited)
        #expect(field.text.isEmpty)
    }

    @Test func pasteIsTextAndEnterOrEscEnd() {
        var field = TextField()
        #expect(field.insert("two\nlines\u{1B}[31m") == .edited)
        #expect(field.text == "two lines[31m")
        #expect(field.reduce(.enter) == .submitted("two lines[31m"))
        #expect(field.reduce(.escape) == .cancelled)
        #expect(field.reduce(.pageDown) == .ignored)
    }
}

@Suite struct StringsTests {
    @Test func russianPluralsFollowTheLastDigits() {
        let ru = Strings(.russian)
        #expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map(ru.articles) == [
            "1 статья", "2 статьи", "5 статей", "11 статей", "12 статей", "21 статья", "22 статьи", "25 статей",
            "111 статей", "101 статья",
        ])
        #expect([1, 2].map(Strings.english.articles) == ["1 article", "2 articles"])
        #expect(ru.validateSummary(readable: 2, problems: 1) == "2 статьи читаются, 1 проблема")
        #expect(ru.validateSummary(readable: 21, problems: 0) == "21 статья читается, 0 проблем")
    }

    @Test func languageComesFromTheEnvironmentInOrder() {
        #expect(Language.detect(environment: [:]) == .english)
        #expect(Language.detect(environment: ["LANG": "ru_RU.UTF-8"]) == .russian)
        #expect(Language.detect(environment: ["LANG": "ru_RU.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.detect(environment: ["LANGUAGE": "de:ru", "LANG": "en_GB.UTF-8"]) == .russian)
        #expect(Language.detect(environment: ["LC_MESSAGES": "ru", "LANG": "en_US.UTF-8"]) == .russian)
        #expect(Language.requested(in: ["steppe", "list", "--lang=ru"]) == "ru")
        #expect(Language.requested(in: ["steppe", "--", "--lang", "ru"]) == nil)
        #expect(Language.requested(in: ["steppe", "--lang", "ru", "list", "--lang", "en"]) == "en")
        #expect(Language(code: "ru_RU.UTF-8") == .russian)
        #expect(Language(code: "RU") == .russian)
        #expect(Language(code: "") == nil)
        #expect(Language(code: "xx") == nil)
    }

    @Test func theRussianHelpAndHintsComeFromTheKeyMap() {
        let ru = Strings(.russian)
        let help = HelpContent.lines(for: .standard, ru)
        #expect(help.contains(.title("Статья")))
        #expect(help.contains(.binding(keys: "n", help: "Следующая статья списка")))
        #expect(help.contains(.binding(keys: "Ctrl-L", help: "Перерисовать экран")))
        #expect(KeyMap.standard.hints(in: .menu, ru).map(\.label).contains("справка"))
    }
}

@Suite struct XDGDirectoriesTests {
    @Test func defaultsAreBuiltOnTheHomeVariable() {
        let dirs = XDGDirectories(environment: ["HOME": "/tmp/h", "XDG_CACHE_HOME": "relative/ignored"])
        #expect(dirs.data.path == "/tmp/h/.local/share")
        #expect(dirs.config.path == "/tmp/h/.config")
        #expect(dirs.cache.path == "/tmp/h/.cache")
        #expect(dirs.state.path == "/tmp/h/.local/state")
        let set = XDGDirectories(environment: ["HOME": "/tmp/h", "XDG_DATA_HOME": "/d", "XDG_STATE_HOME": "/s"])
        #expect(set.userArchive.path == "/d/steppe/archive")
        #expect(set.steppeState.path == "/s/steppe")
    }
}

@Suite struct HugeTextTests {
    @Test func aHugeParagraphIsLaidOutUpToTheBudgetAndSaysSo() {
        let huge = String(repeating: "Steppe grass and wind. ", count: 100_000)  // 2.3 million characters
        let article = Article(
            id: "huge", url: "u", title: "Huge", published: PublishedDate(year: 2020, month: 1, day: 1)!,
            body: [Block(.paragraph, huge), Block(.paragraph, "After it.")])
        let layout = ArticleLayout(article: article, taxonomy: TaxonomyTable(.eurasianet), width: 80, strings: .english)
        let shown = layout.lines.reduce(0) { $0 + $1.text.count }
        #expect(shown < ArticleLayout.maximumArticleLength + 10_000)
        // 2.3 MB of ASCII less the 400,000 characters shown.
        #expect(layout.lines.contains { $0.text == "[1.9 MB more text not shown here; steppe show prints the article whole]" })
        // Plain-text output is not capped.
        let plain = ArticleLayout(article: article, taxonomy: TaxonomyTable(.eurasianet), width: 80, strings: .english, capped: false)
        #expect(plain.lines.reduce(0) { $0 + $1.text.count } > huge.count - 200_000)
        // The reader's pane is, whatever its reading width.
        for measure in [0, 60, 200] {
            var reader = ReaderState(articleID: "huge", title: "Huge", origin: .init(list: .node(0), position: 0), content: .loaded(article))
            reader.relayout(width: 150, measure: measure, visible: 30, taxonomy: TaxonomyTable(.eurasianet), strings: .english)
            #expect(reader.layout?.width == (measure == 0 ? 150 : min(150, measure)))
            #expect(reader.layout?.lines.contains { $0.text.hasPrefix("[1.9 MB more text not shown here") } == true)
        }
    }
}
