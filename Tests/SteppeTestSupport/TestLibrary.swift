import Foundation
import SteppeCore
import SteppeViewModel

/// Shared by the view-model and rendering tests.
/// A small in-memory library with English, Russian and Chinese text, built without touching the disk.
public enum TestLibrary {
    public static func make(extra count: Int = 0, issues: [ArchiveIssue] = []) -> Library {
        let articles = self.articles(extra: count)
        let taxonomy = TaxonomyTable(.eurasianet)
        let headers = articles.map { a in
            ArticleHeader(
                id: a.id, url: a.url, title: a.title, authors: a.authors, published: a.published, language: a.language,
                nodes: (a.regions.map { taxonomy.index(of: $0, in: .regions)! } + a.topics.map { taxonomy.index(of: $0, in: .topics)! }
                    + (a.section.map { [taxonomy.index(of: $0, in: .sections)!] } ?? [])).map(Int32.init),
                span: nil)
        }
        return Library(
            source: ArchiveSource(metadataURL: URL(fileURLWithPath: "/test/archive.json"), layout: .singleFile),
            metadata: ArchiveMetadata(title: "Test archive"), taxonomy: taxonomy, headers: headers, issues: issues,
            bodies: .inMemory(Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0) })))
    }

    /// The articles of `make(extra:)`, in the order written.
    public static func articles(extra count: Int = 0) -> [Article] {
        var articles = [
            Article(
                id: "panj", url: "https://example.org/panj", title: "The Panj: a river border", authors: ["Border Desk"],
                published: PublishedDate(year: 2011, month: 5, day: 5)!, language: "en",
                regions: ["tajikistan", "afghanistan"], topics: ["security"],
                body: (1...12).map { Block(.paragraph, "Paragraph \($0) about the river, the valley and the road beside it that runs along the bank for many kilometres.") }),
            Article(
                id: "caspian-ru", url: "https://example.org/caspian", title: "Каспийское море: крупнейший замкнутый водоём",
                authors: ["Редакция"], published: PublishedDate(year: 2019, month: 8, day: 12)!, language: "ru",
                regions: ["russia", "kazakhstan"], topics: ["environment"],
                body: [
                    Block(.paragraph, "Каспийское море — самый большой замкнутый водоём на планете: у него нет стока в Мировой океан."),
                    Block(.quote, "Основную часть пресной воды приносит Волга."),
                ]),
            Article(
                id: "khorgos", url: "https://example.org/khorgos", title: "Khorgos: 霍尔果斯 on the border", authors: ["Trade Desk"],
                published: PublishedDate(year: 2019, month: 11, day: 5)!, language: "en", regions: ["china", "kazakhstan"],
                topics: ["economy"],
                body: [
                    Block(.paragraph, "The town on the Chinese side is written 霍尔果斯 and lies in 新疆维吾尔自治区, the Xinjiang Uyghur Autonomous Region."),
                    Block(.listItem, "乌鲁木齐 (Ürümqi) — the regional capital"),
                ]),
            Article(
                id: "supra", url: "https://example.org/supra", title: "The supra and its toastmaster", authors: [],
                published: PublishedDate(year: 2013, month: 2, day: 10)!, language: "en", regions: ["georgia"],
                topics: ["arts-and-culture"], section: "tamada-tales",
                body: [Block(.heading, "The tamada"), Block(.paragraph, "Toasts follow a loose order.")]),
        ]
        for i in 0..<count {
            articles.append(
                Article(
                    id: "extra-\(i)", url: "https://example.org/\(i)", title: "Extra article \(i)", authors: ["Desk"],
                    published: PublishedDate(year: 2000 + i % 20, month: 1 + i % 12, day: 1 + i % 28)!, language: "en",
                    regions: ["kyrgyzstan"], topics: ["politics"], body: [Block(.paragraph, "Text \(i).")]))
        }
        return articles
    }
}

extension AppState {
    /// Presses keys in order, answering article loads the way the effect runner does.
    public mutating func press(_ keys: KeyPress...) { press(keys) }

    public mutating func press(_ keys: [KeyPress]) {
        for key in keys { run(.keyPressed(key)) }
    }

    public mutating func run(_ action: Action) {
        for effect in reduce(action) {
            if case .loadArticle(let id) = effect, let catalogue {
                let extra = catalogue.headers.count - TestLibrary.articles().count
                let article = TestLibrary.articles(extra: extra).first { $0.id == id }!
                _ = reduce(.articleLoaded(article))
            }
        }
    }

    /// The menu entry of a taxonomy node.
    public func node(_ slug: String, _ facet: Facet) -> MenuItem { .node(catalogue!.taxonomy.index(of: slug, in: facet)!) }

    /// "All articles" and the facet roots, as menu entries.
    public var allArticles: MenuItem { .node(catalogue!.taxonomy.allArticles) }
    public var regionsRoot: MenuItem { .node(catalogue!.taxonomy.roots[1]) }

    /// Steps down the menu from "All articles" past the reader's own lists to Regions.
    public static let downToRegions: [KeyPress] = [.down, .down, .down, .down]

    /// What opening an article asks for: its reading mark, the reader's place, then its text.
    public func openingEffects(_ id: String) -> [Effect] {
        [.saveUserChange(.opened(articleID: id, reference(for: id)!)), .saveSession(session!), .loadArticle(id: id)]
    }

    /// The id of the article at a list position.
    public func id(at position: Int) -> String { articleID(listEntries, at: position)! }
}
