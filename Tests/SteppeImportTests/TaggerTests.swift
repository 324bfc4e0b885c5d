import SteppeCore
import Testing

@testable import SteppeImport

@Suite struct TaggerTests {
    let tagger = Tagger.standard

    @Test func aPassingMentionInTheBodyTagsNothing() {
        let inference = tagger.infer(
            title: "Hydropower in Tajikistan", standfirst: nil,
            body: ["Tajikistan builds dams. Dushanbe hopes to sell power.", "One buyer may be Afghanistan."])
        #expect(inference.givenRegions == ["tajikistan"])
        #expect(inference.regions.first { $0.slug == "afghanistan" }?.isGiven == false)
    }

    @Test func theTitleCountsThreeTimesAsMuchAsTheBody() {
        let inference = tagger.infer(title: "A Letter From Baku", standfirst: nil, body: ["Nothing else here."])
        #expect(inference.regions == [
            Tagger.Score(slug: "azerbaijan", score: 3, evidence: [Tagger.Evidence(term: "baku", place: .title, count: 1)], isGiven: true)
        ])
    }

    @Test func russianInflectionsFindTheirPlace() {
        let inference = tagger.infer(
            title: "Новости", standfirst: nil,
            body: ["В Таджикистане и в таджикском парламенте спорят.", "Из Таджикистана уезжают.", "Душанбе молчит."])
        #expect(inference.givenRegions == ["tajikistan"])
        #expect(inference.regions[0].evidence.map(\.term).sorted() == ["душанбе", "таджикистан", "таджикск"])
    }

    @Test func acronymsMatchOnlyInCapitals() {
        let lower = tagger.infer(title: "Let us talk", standfirst: nil, body: ["Tell us more, us all."])
        #expect(lower.regions.isEmpty)
        let upper = tagger.infer(title: "US and EU envoys meet", standfirst: nil, body: [])
        #expect(upper.givenRegions.sorted() == ["eu", "united-states"])
    }

    @Test func phrasesAndPossessivesAreMatched() {
        let inference = tagger.infer(
            title: "Nagorno Karabakh talks", standfirst: "Afghanistan's neighbours watch.", body: ["South Ossetia too."])
        #expect(inference.regions.map(\.slug).sorted() == ["afghanistan", "nagorno-karabakh", "south-ossetia"])
    }

    @Test func aPhraseCountsOnceAndEnglishInflectionsMatch() {
        let inference = tagger.infer(title: "Minsk", standfirst: nil, body: ["Border troops watched.", "Thousands protested."])
        let security = inference.topics.first { $0.slug == "security" }
        #expect(security?.evidence == [Tagger.Evidence(term: "border troops", place: .body, count: 1)])
        #expect(inference.topics.first { $0.slug == "politics" }?.evidence == [Tagger.Evidence(term: "protest", place: .body, count: 1)])
    }

    @Test func russianAdjectivesOfPlacesCount() {
        let inference = tagger.infer(
            title: "Казахстанские власти повышают цены", standfirst: nil, body: ["Узбекские и киргизские соседи следят."])
        #expect(inference.givenRegions == ["kazakhstan"])
        #expect(Set(inference.regions.map(\.slug)) == ["kazakhstan", "uzbekistan", "kyrgyzstan"])
    }

    @Test func topicsNeedSeveralKeywordsAndHalfTheBestScore() {
        let inference = tagger.infer(
            title: "Troops on the border", standfirst: nil,
            body: ["Border guards and soldiers met militants.", "The president spoke."])
        #expect(inference.givenTopics == ["security"])
        #expect(inference.topics.first { $0.slug == "politics" }?.isGiven == false)
    }
}

@Suite struct DateTextTests {
    @Test func theFormatsPagesAndFeedsUse() {
        let day = PublishedDate(year: 2011, month: 5, day: 5)!
        #expect(DateText.parse("May 5, 2011") == day)
        #expect(DateText.parse("Dec 10, 2010") == PublishedDate(year: 2010, month: 12, day: 10))
        #expect(DateText.parse("5 May 2011") == day)
        #expect(DateText.parse("5 мая 2011 г.") == day)
        #expect(DateText.parse("2011-05-05") == day)
        #expect(DateText.parse("Thu, 05 May 2011 10:00:00 +0200") == PublishedDate(iso: "2011-05-05T10:00:00+02:00"))
        #expect(DateText.parse("Thu, 05 May 2011 10:00:00 GMT") == PublishedDate(iso: "2011-05-05T10:00:00Z"))
    }

    @Test func whatIsNotADateIsNil() {
        #expect(DateText.parse("May the force be with you") == nil)
        #expect(DateText.parse("February 30, 2011") == nil)
        #expect(DateText.parse("Dushanbe") == nil)
        #expect(DateText.parse("") == nil)
        #expect(DateText.parse("Thu, 05 May 2011 10:00:00 +9999") == nil)
    }
}
