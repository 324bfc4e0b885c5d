import Foundation
import SteppeCore
import Testing

@Suite struct ArticleLineTests {
    @Test func aLineDecodesBackToTheSameArticle() throws {
        var quote = Block(.paragraph, "Кавычки «ёлки» and \"quotes\", a back\\slash, a/slash, a tab\t, a bell\u{07}, 中文, 🇰🇿")
        quote.unknownType = "pull-quote"
        let article = Article(
            id: "line-test", url: "https://example.org/a?b=c&d", title: "Title \u{1B}[31m", authors: ["A \"B\"", "Ж"],
            published: PublishedDate(iso: "2011-05-05T10:00:00+02:00")!, language: "ru", regions: ["russia"],
            topics: ["security"], section: "the-bug-pit", summary: "Line\nbreak", body: [Block(.paragraph, "One."), quote])
        let line = ArticleLine.encode(article)
        #expect(!line.contains(0x0A))
        #expect(try JSONDecoder().decode(Article.self, from: Data(line)) == article)
    }

    @Test func keysComeInTheOrderOfASortedEncoder() throws {
        let article = Article(id: "a", url: "u", title: "T", published: PublishedDate(year: 2020, month: 1, day: 2)!, body: [Block(.paragraph, "x")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: ArticleLine.encode(article), as: UTF8.self) == String(decoding: try encoder.encode(article), as: UTF8.self))
    }
}
