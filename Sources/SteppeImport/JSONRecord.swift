import Foundation
import SteppeCore

/// A record from our own archive format or from another tool, read by common field names:
/// title/headline; date/published/pubDate/published_at/datePublished; body/content/text (a string,
/// HTML or plain, or a list of strings or of `{type, text}` blocks); url/link; author/authors/byline
/// (a string, a list, or objects with a name); summary/description/standfirst/subtitle; id;
/// language/lang; regions/region/country/countries, topics/topic/category/categories/tags, section.
struct JSONRecord: Decodable {
    var draft: Result<ArticleDraft, ImportProblem>

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    enum Field {
        case title, date, body, url, authors, summary, id, language, tags
    }

    static let fields: [String: Field] = [
        "title": .title, "headline": .title, "name": .title,
        "date": .date, "published": .date, "pubdate": .date, "published_at": .date, "publishedat": .date,
        "datepublished": .date, "date_published": .date, "created_at": .date, "time": .date,
        "body": .body, "content": .body, "text": .body, "articlebody": .body, "article_body": .body, "html": .body,
        "url": .url, "link": .url, "canonical_url": .url, "permalink": .url,
        "author": .authors, "authors": .authors, "byline": .authors, "creator": .authors,
        "summary": .summary, "description": .summary, "standfirst": .summary, "subtitle": .summary, "lead": .summary,
        "id": .id, "guid": .id, "slug": .id,
        "language": .language, "lang": .language, "inlanguage": .language,
        "regions": .tags, "region": .tags, "country": .tags, "countries": .tags, "topics": .tags, "topic": .tags,
        "category": .tags, "categories": .tags, "tags": .tags, "section": .tags, "keywords": .tags,
    ]

    init(failure: ImportProblem) { draft = .failure(failure) }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var title: String?
        var date: String?
        var body: [Block] = []
        var draft = ArticleDraft(title: "")
        var bodyFound = false
        var badDate = false
        // First matching key wins for each field, in the order the alias table lists none: sort for stability.
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let field = JSONRecord.fields[key.stringValue.lowercased()] else { continue }
            switch field {
            case .title:
                if title == nil { title = JSONRecord.string(c, key) }
            case .date:
                if date == nil, let value = JSONRecord.string(c, key) {
                    date = value
                    badDate = DateText.parse(value) == nil
                    if badDate { date = nil }
                }
            case .body:
                if !bodyFound, let blocks = JSONRecord.blocks(c, key), !blocks.isEmpty {
                    body = blocks
                    bodyFound = true
                }
            case .url:
                if draft.url == nil { draft.url = JSONRecord.string(c, key) }
            case .authors:
                if draft.authors.isEmpty { draft.authors = JSONRecord.strings(c, key, nameKey: "name") }
            case .summary:
                if draft.summary == nil { draft.summary = JSONRecord.string(c, key).map(ImportText.clean) }
            case .id:
                if draft.sourceID == nil { draft.sourceID = JSONRecord.string(c, key) }
            case .language:
                if draft.language == nil { draft.language = JSONRecord.string(c, key) }
            case .tags:
                draft.tags += JSONRecord.strings(c, key, nameKey: "name")
            }
        }
        guard let title = title.map(ImportText.clean), !title.isEmpty else {
            self.draft = .failure(.jsonNoTitle)
            return
        }
        draft.title = title
        guard let date, let published = DateText.parse(date) else {
            self.draft = .failure(badDate ? .jsonBadDate : .jsonNoDate)
            return
        }
        draft.published = published
        guard !body.isEmpty else {
            self.draft = .failure(.jsonNoBody)
            return
        }
        draft.body = body
        draft.summary = draft.summary.flatMap { $0.isEmpty ? nil : $0 }
        self.draft = .success(draft)
    }

    static func string(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> String? {
        if let value = try? c.decode(String.self, forKey: key) { return value }
        if let value = try? c.decode(Int64.self, forKey: key) { return String(value) }
        return nil
    }

    /// A string, a list of strings, or objects holding `nameKey`.
    static func strings(_ c: KeyedDecodingContainer<Key>, _ key: Key, nameKey: String) -> [String] {
        if let value = try? c.decode(String.self, forKey: key) {
            return value.split(separator: ",").map { ImportText.clean(String($0)) }.filter { !$0.isEmpty }
        }
        if let values = try? c.decode([String].self, forKey: key) { return values.map(ImportText.clean).filter { !$0.isEmpty } }
        if let values = try? c.decode([Named].self, forKey: key) { return values.compactMap(\.name).map(ImportText.clean).filter { !$0.isEmpty } }
        if let value = try? c.decode(Named.self, forKey: key), let name = value.name { return [ImportText.clean(name)] }
        return []
    }

    struct Named: Decodable {
        var name: String?
        enum CodingKeys: String, CodingKey { case name, slug, title, term }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .slug) ?? c.decodeIfPresent(String.self, forKey: .name)
                ?? c.decodeIfPresent(String.self, forKey: .title) ?? c.decodeIfPresent(String.self, forKey: .term)
        }
    }

    struct BlockValue: Decodable {
        var kind: Block.Kind
        var text: String
        enum CodingKeys: String, CodingKey { case type, text }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            kind = (try? c.decodeIfPresent(String.self, forKey: .type)).flatMap { Block.Kind(rawValue: $0) } ?? .paragraph
        }
    }

    static func blocks(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> [Block]? {
        if let text = try? c.decode(String.self, forKey: key) { return textBlocks(text) }
        if let texts = try? c.decode([String].self, forKey: key) { return texts.flatMap(textBlocks) }
        if let blocks = try? c.decode([BlockValue].self, forKey: key) {
            return blocks.map { Block($0.kind, ImportText.clean($0.text)) }.filter { !$0.text.isEmpty }
        }
        return nil
    }

    /// HTML when it looks like markup, plain paragraphs otherwise.
    static func textBlocks(_ text: String) -> [Block] {
        let looksLikeHTML = ImportText.contains(text, "<") && ["</p>", "<p>", "<br", "</div>"].contains { ImportText.contains(text, $0) }
        return looksLikeHTML ? HTMLBlockReader.blocks(text) : PlainText.blocks(text)
    }
}

/// The outer shapes a JSON file may take: one record, a list of records, or an archive of ours.
struct JSONDocument: Decodable {
    var records: [JSONRecord]
    /// A list (so each record has a place), rather than one record.
    var isList = true

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode([Element].self) {
            records = list.map(\.record)
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        for name in ["articles", "items", "records", "data", "results"] {
            if let list = try? c.decode([Element].self, forKey: Key(stringValue: name)) {
                records = list.map(\.record)
                return
            }
        }
        records = [try JSONRecord(from: decoder)]
        isList = false
    }

    /// One element of a list: a record, or why it is not one (a null, a number…), so that one bad
    /// element costs only itself.
    struct Element: Decodable {
        var record: JSONRecord
        init(from decoder: any Decoder) throws {
            do {
                record = try JSONRecord(from: decoder)
            } catch {
                record = JSONRecord(failure: .jsonNotObject(detail: nil))
            }
        }
    }
}
