/// The three facets an article is filed under, each a tree of named nodes.
public struct Taxonomy: Sendable, Equatable, Codable {
    public var regions: [TaxonomyNode]
    public var topics: [TaxonomyNode]
    public var sections: [TaxonomyNode]

    public init(regions: [TaxonomyNode], topics: [TaxonomyNode], sections: [TaxonomyNode]) {
        self.regions = regions
        self.topics = topics
        self.sections = sections
    }

    enum CodingKeys: String, CodingKey { case regions, topics, sections }

    /// A facet left out is empty: an archive about one region need not list topics.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        regions = try c.decodeIfPresent([TaxonomyNode].self, forKey: .regions) ?? []
        topics = try c.decodeIfPresent([TaxonomyNode].self, forKey: .topics) ?? []
        sections = try c.decodeIfPresent([TaxonomyNode].self, forKey: .sections) ?? []
    }

    public func nodes(of facet: Facet) -> [TaxonomyNode] {
        switch facet {
        case .regions: regions
        case .topics: topics
        case .sections: sections
        }
    }
}

public enum Facet: String, Sendable, CaseIterable, Codable {
    case regions, topics, sections

    public var name: String {
        switch self {
        case .regions: "Regions"
        case .topics: "Topics"
        case .sections: "Sections"
        }
    }

    public var nameRu: String {
        switch self {
        case .regions: "Регионы"
        case .topics: "Темы"
        case .sections: "Разделы"
        }
    }
}

/// A region, topic or section, with its sub-nodes.
public struct TaxonomyNode: Sendable, Equatable, Codable {
    public var slug: String
    public var name: String
    public var nameRu: String
    public var children: [TaxonomyNode]

    public init(_ slug: String, _ name: String, _ nameRu: String, _ children: [TaxonomyNode] = []) {
        self.slug = slug
        self.name = name
        self.nameRu = nameRu
        self.children = children
    }

    enum CodingKeys: String, CodingKey { case slug, name, nameRu, children }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decode(String.self, forKey: .slug)
        name = try c.decode(String.self, forKey: .name)
        nameRu = try c.decodeIfPresent(String.self, forKey: .nameRu) ?? name
        children = try c.decodeIfPresent([TaxonomyNode].self, forKey: .children) ?? []
        if slug.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .slug, in: c, debugDescription: "'slug' is empty")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(slug, forKey: .slug)
        try c.encode(name, forKey: .name)
        try c.encode(nameRu, forKey: .nameRu)
        if !children.isEmpty { try c.encode(children, forKey: .children) }
    }
}

extension Taxonomy {
    /// Eurasianet's own menus: what applies when an archive brings no taxonomy of its own.
    public static let eurasianet = Taxonomy(
        regions: [
            TaxonomyNode(
                "caucasus", "Caucasus", "Кавказ",
                [
                    TaxonomyNode("armenia", "Armenia", "Армения"),
                    TaxonomyNode("azerbaijan", "Azerbaijan", "Азербайджан"),
                    TaxonomyNode("georgia", "Georgia", "Грузия"),
                ]),
            TaxonomyNode(
                "central-asia", "Central Asia", "Центральная Азия",
                [
                    TaxonomyNode("kazakhstan", "Kazakhstan", "Казахстан"),
                    TaxonomyNode("kyrgyzstan", "Kyrgyzstan", "Кыргызстан"),
                    TaxonomyNode("tajikistan", "Tajikistan", "Таджикистан"),
                    TaxonomyNode("turkmenistan", "Turkmenistan", "Туркменистан"),
                    TaxonomyNode("uzbekistan", "Uzbekistan", "Узбекистан"),
                ]),
            TaxonomyNode(
                "conflict-zones", "Conflict Zones", "Зоны конфликтов",
                [
                    TaxonomyNode("abkhazia", "Abkhazia", "Абхазия"),
                    TaxonomyNode("nagorno-karabakh", "Nagorno Karabakh", "Нагорный Карабах"),
                    TaxonomyNode("south-ossetia", "South Ossetia", "Южная Осетия"),
                ]),
            TaxonomyNode(
                "eastern-europe", "Eastern Europe", "Восточная Европа",
                [
                    TaxonomyNode("belarus", "Belarus", "Беларусь"),
                    TaxonomyNode("moldova", "Moldova", "Молдова"),
                    TaxonomyNode("russia", "Russia", "Россия"),
                    TaxonomyNode("the-baltics", "The Baltics", "Страны Балтии"),
                    TaxonomyNode("ukraine", "Ukraine", "Украина"),
                ]),
            TaxonomyNode(
                "eurasian-fringe", "Eurasian Fringe", "Евразийская периферия",
                [
                    TaxonomyNode("afghanistan", "Afghanistan", "Афганистан"),
                    TaxonomyNode("china", "China", "Китай"),
                    TaxonomyNode("eu", "EU", "ЕС"),
                    TaxonomyNode("iran", "Iran", "Иран"),
                    TaxonomyNode("mongolia", "Mongolia", "Монголия"),
                    TaxonomyNode("turkey", "Turkey", "Турция"),
                    TaxonomyNode("united-kingdom", "United Kingdom", "Великобритания"),
                    TaxonomyNode("united-states", "United States", "США"),
                ]),
        ],
        topics: [
            TaxonomyNode("environment", "Environment", "Окружающая среда"),
            TaxonomyNode("economy", "Economy", "Экономика"),
            TaxonomyNode(
                "politics", "Politics", "Политика",
                [
                    TaxonomyNode(
                        "kazakhstan-bloody-january-2022", "Kazakhstan's Bloody January 2022",
                        "Кровавый январь 2022 года в Казахстане"),
                    TaxonomyNode(
                        "kyrgyzstan-2020-unrest", "Kyrgyzstan 2020 unrest", "Беспорядки в Кыргызстане в 2020 году"),
                ]),
            TaxonomyNode("security", "Security", "Безопасность"),
            TaxonomyNode(
                "society", "Society", "Общество",
                [
                    TaxonomyNode(
                        "american-diplomats-in-central-asia", "American diplomats in Central Asia",
                        "Американские дипломаты в Центральной Азии"),
                    TaxonomyNode("arts-and-culture", "Arts and Culture", "Искусство и культура"),
                    TaxonomyNode("coronavirus", "Coronavirus", "Коронавирус"),
                    TaxonomyNode("student-spotlight", "Student spotlight", "Студенческие голоса"),
                ]),
        ],
        sections: [
            TaxonomyNode(
                "media", "Media", "Медиа",
                [
                    TaxonomyNode("visual-stories", "Visual Stories", "Визуальные истории"),
                    TaxonomyNode("podcast", "Podcast", "Подкаст"),
                    TaxonomyNode("video", "Video", "Видео"),
                ]),
            TaxonomyNode(
                "blogs", "Blogs", "Блоги",
                [
                    TaxonomyNode("tamada-tales", "Tamada Tales", "Рассказы тамады"),
                    TaxonomyNode("the-bug-pit", "The Bug Pit", "The Bug Pit"),
                ]),
            TaxonomyNode(
                "podcasts", "Podcasts", "Подкасты",
                [
                    TaxonomyNode("eurasiachat", "EurasiaChat", "EurasiaChat"),
                    TaxonomyNode("expert-opinions", "Expert Opinions", "Мнения экспертов"),
                    TaxonomyNode("the-central-asianist", "The Central Asianist", "The Central Asianist"),
                ]),
        ]
    )
}
