/// Place names of the taxonomy's regions, in English and Russian, that region inference looks for.
///
/// Each entry maps a lower-case term to a region slug: country names, demonyms, capitals and main
/// cities, and a few well-known places. Multi-word terms are matched as phrases. Acronyms ("US",
/// "EU", "UK") only match in capitals, so that "us" the pronoun tags nothing. Russian terms are
/// stems: a word matches when it begins with one and has at most three letters more, so
/// "Таджикистана" and "таджикском" find Tajikistan.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Equatable {
        public var slug: String
        public var term: String
    }

    public let entries: [Entry]
    /// Acronyms matched only as written.
    public let acronyms: [String: String]

    public static let standard = Gazetteer(
        places: [
            "armenia": ["armenia", "armenian", "armenians", "yerevan", "gyumri", "армени", "армян", "армянск", "ереван"],
            "azerbaijan": [
                "azerbaijan", "azerbaijani", "azerbaijanis", "azeri", "azeris", "baku", "ganja", "nakhchivan",
                "азербайджан", "азербайджанск", "баку", "нахичеван",
            ],
            "georgia": ["georgia", "georgian", "georgians", "tbilisi", "batumi", "kutaisi", "грузи", "грузин", "грузинск", "тбилиси", "батуми"],
            "kazakhstan": [
                "kazakhstan", "kazakh", "kazakhs", "astana", "almaty", "nur-sultan", "shymkent", "казахстан", "казахстанск", "казах", "казахск",
                "астан", "алмат",
            ],
            "kyrgyzstan": [
                "kyrgyzstan", "kyrgyz", "bishkek", "osh", "kyrgyz republic", "кыргызстан", "кыргызстанск", "киргизи", "кыргыз", "кыргызск", "киргиз", "киргизск",
                "бишкек",
            ],
            "tajikistan": [
                "tajikistan", "tajik", "tajiks", "dushanbe", "khujand", "pamir", "pamirs", "gorno-badakhshan",
                "таджикистан", "таджикск", "таджик", "душанбе", "худжанд", "памир",
            ],
            "turkmenistan": [
                "turkmenistan", "turkmen", "ashgabat", "туркменистан", "туркмени", "туркмен", "туркменск", "ашхабад",
            ],
            "uzbekistan": [
                "uzbekistan", "uzbek", "uzbeks", "tashkent", "samarkand", "bukhara", "fergana", "karakalpakstan",
                "узбекистан", "узбек", "узбекск", "ташкент", "самарканд", "бухар",
            ],
            "abkhazia": ["abkhazia", "abkhaz", "abkhazian", "sukhumi", "абхази", "абхаз", "абхазск", "сухум"],
            "nagorno-karabakh": [
                "nagorno karabakh", "nagorno-karabakh", "karabakh", "karabakhi", "karabakhis", "stepanakert", "artsakh",
                "карабах", "карабахск", "степанакерт", "арцах",
            ],
            "south-ossetia": ["south ossetia", "south ossetian", "tskhinvali", "южная осетия", "южной осетии", "цхинвал"],
            "belarus": ["belarus", "belarusian", "belarusians", "minsk", "lukashenko", "беларус", "белорус", "белорусск", "минск"],
            "moldova": ["moldova", "moldovan", "moldovans", "chisinau", "transnistria", "молдов", "молдав", "молдавск", "молдовск", "кишинев", "кишинёв", "приднестров"],
            "russia": [
                "russia", "russian", "russians", "moscow", "kremlin", "st. petersburg", "россия", "росси", "российск",
                "москв", "кремл",
            ],
            "the-baltics": [
                "baltic", "baltics", "estonia", "estonian", "latvia", "latvian", "lithuania", "lithuanian", "tallinn",
                "riga", "vilnius", "прибалтик", "балтии", "эстони", "эстонск", "латви", "латвийск", "литв", "литовск",
            ],
            "ukraine": ["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "kharkiv", "odesa", "украин", "украинск", "киев", "харьков"],
            "afghanistan": [
                "afghanistan", "afghan", "afghans", "kabul", "taliban", "kunduz", "herat", "mazar-i-sharif", "афганистан",
                "афган", "афганск", "кабул", "талибан",
            ],
            "china": ["china", "chinese", "beijing", "xinjiang", "uyghur", "uyghurs", "китай", "китайск", "пекин", "синьцзян"],
            "eu": ["european union", "brussels", "евросоюз", "европейского союза", "брюссел"],
            "iran": ["iran", "iranian", "iranians", "tehran", "иран", "иранск", "тегеран"],
            "mongolia": ["mongolia", "mongolian", "mongolians", "ulaanbaatar", "монголи", "монгольск", "улан-батор"],
            "turkey": ["turkey", "turkish", "türkiye", "ankara", "istanbul", "erdogan", "турци", "турецк", "анкар", "стамбул"],
            "united-kingdom": ["united kingdom", "britain", "british", "london", "великобритани", "британск", "лондон"],
            "united-states": [
                "united states", "american", "americans", "washington", "pentagon", "сша", "американск", "вашингтон",
            ],
            "caucasus": ["caucasus", "south caucasus", "caucasian", "кавказ"],
            "central-asia": ["central asia", "central asian", "центральная азия", "центральной азии", "центральноазиатск"],
        ],
        acronyms: ["US": "united-states", "USA": "united-states", "EU": "eu", "UK": "united-kingdom", "ЕС": "eu"])

    public init(places: [String: [String]], acronyms: [String: String]) {
        entries = places.sorted { $0.key < $1.key }.flatMap { slug, terms in terms.map { Entry(slug: slug, term: $0) } }
        self.acronyms = acronyms
    }
}

/// Keywords per topic, English words and Russian stems, that topic inference counts.
public struct TopicLexicon: Sendable {
    public let entries: [Gazetteer.Entry]

    public static let standard = TopicLexicon(topics: [
        "security": [
            "security", "military", "army", "troops", "soldiers", "border guards", "border guard", "border troops",
            "militants", "militant", "insurgents", "insurgency", "terrorism", "terrorist", "terrorists", "extremists",
            "drug trafficking", "smuggling", "smugglers", "weapons", "arms", "defense", "defence", "war", "ceasefire",
            "clashes", "shelling", "missile", "missiles", "drones", "csto", "nato", "islamist",
            "безопасност", "военн", "армия", "армии", "войск", "пограничн", "погранслужб", "террорист", "терроризм",
            "боевик", "наркотрафик", "контрабанд", "оружи", "обороны", "войн", "ракет", "одкб",
        ],
        "politics": [
            "election", "elections", "parliament", "parliamentary", "president", "presidential", "opposition",
            "government", "minister", "prime minister", "vote", "voters", "referendum", "party", "regime",
            "constitution", "constitutional", "protest", "protests", "protesters", "political", "politics",
            "mps", "lawmakers", "cabinet", "diplomatic", "sanctions", "выбор", "парламент", "президент", "оппозиц",
            "правительств", "министр", "референдум", "партии", "партия", "конституц", "протест", "политическ",
            "депутат", "санкци",
        ],
        "economy": [
            "economy", "economic", "trade", "investment", "investors", "bank", "banks", "currency", "inflation",
            "budget", "gdp", "oil", "gas", "pipeline", "remittances", "exports", "imports", "prices", "tariffs",
            "business", "businesses", "market", "markets", "debt", "loan", "loans", "mining", "gold", "cotton",
            "эконом", "торгов", "инвестиц", "банк", "валют", "инфляц", "бюджет", "нефт", "газопровод", "экспорт",
            "импорт", "цены", "денежн", "кредит", "переводы",
        ],
        "environment": [
            "environment", "environmental", "climate", "water", "glacier", "glaciers", "pollution", "drought",
            "emissions", "dam", "dams", "irrigation", "hydropower", "lake", "algae", "aral", "wildlife", "earthquake", "floods", "smog",
            "экологи", "климат", "загрязнен", "засух", "ледник", "водн", "плотин", "арал", "землетрясен",
        ],
        "society": [
            "education", "school", "schools", "students", "university", "women", "health", "hospital", "religion",
            "religious", "mosque", "church", "culture", "cultural", "language", "migrants", "migration", "journalists",
            "media", "rights", "human rights", "children", "family", "music", "film", "образован", "школ", "студент",
            "университет", "женщин", "здравоохранен", "больниц", "религи", "мечет", "культур", "язык", "мигрант",
            "журналист", "прав человека",
        ],
    ])

    public init(topics: [String: [String]]) {
        entries = topics.sorted { $0.key < $1.key }.flatMap { slug, terms in terms.map { Gazetteer.Entry(slug: slug, term: $0) } }
    }
}
