import Foundation

/// Where a note belongs in an article's text, told by the text itself rather than by position alone:
/// the quoted words with a little context on each side, like a quotation in a paper. When the
/// article is imported again with its paragraphs moved or reworded around the quote, the note finds
/// its place again; when the quote is gone, the note is detached, never dropped.
public struct NoteAnchor: Sendable, Equatable, Hashable, Codable {
    /// The block the note was made on: only a hint once the text has changed.
    public var block: Int
    /// The quoted words; empty for a note on the paragraph as a whole.
    public var quote: String
    /// Up to `contextLength` characters before the quote in its paragraph.
    public var before: String
    /// Up to `contextLength` characters after the quote; for a paragraph note, the paragraph's opening.
    public var after: String

    public init(block: Int, quote: String, before: String, after: String) {
        self.block = block
        self.quote = quote
        self.before = before
        self.after = after
    }

    public static let contextLength = 40

    /// The anchor of characters `range` of block `block` (nil range: the whole paragraph).
    public init(blocks: [String], block: Int, range: Range<Int>?) {
        let text = blocks.indices.contains(block) ? Array(blocks[block]) : []
        self.block = block
        guard let range, !range.isEmpty, range.lowerBound >= 0, range.upperBound <= text.count else {
            quote = ""
            before = ""
            after = String(text.prefix(NoteAnchor.contextLength))
            return
        }
        quote = String(text[range])
        before = String(text[max(0, range.lowerBound - NoteAnchor.contextLength)..<range.lowerBound])
        after = String(text[range.upperBound..<min(text.count, range.upperBound + NoteAnchor.contextLength)])
    }

    /// Where the note is in an article's blocks now: a block and, for a quote, its characters there.
    public struct Placement: Sendable, Equatable {
        public var block: Int
        public var range: Range<Int>?

        public init(block: Int, range: Range<Int>?) {
            self.block = block
            self.range = range
        }
    }

    /// Finds the note's place in `blocks`, or nil when it can no longer be found (detached).
    ///
    /// Every occurrence of the quote is a candidate; the one whose surrounding text agrees most with
    /// the saved context wins, then the one nearest the saved block. A paragraph note looks for the
    /// paragraph that opens as it did.
    public func locate(in blocks: [String]) -> Placement? {
        guard !quote.isEmpty else { return locateParagraph(in: blocks) }
        var best: (score: Int, distance: Int, placement: Placement)?
        var candidates = 0
        let order = blocks.indices.sorted { abs($0 - block) < abs($1 - block) }
        for index in order {
            let text = blocks[index]
            var searchStart = text.startIndex
            while candidates < 1_000, let found = text.range(of: quote, range: searchStart..<text.endIndex) {
                candidates += 1
                let lower = text.distance(from: text.startIndex, to: found.lowerBound)
                let upper = lower + text.distance(from: found.lowerBound, to: found.upperBound)
                let prefix = text[text.index(found.lowerBound, offsetBy: -min(NoteAnchor.contextLength, lower))..<found.lowerBound]
                let suffix = text[found.upperBound..<(text.index(found.upperBound, offsetBy: NoteAnchor.contextLength, limitedBy: text.endIndex) ?? text.endIndex)]
                let score = NoteAnchor.commonSuffix(before, prefix) + NoteAnchor.commonPrefix(after, suffix)
                let distance = abs(index - block)
                if best == nil || score > best!.score || (score == best!.score && distance < best!.distance) {
                    best = (score, distance, Placement(block: index, range: lower..<upper))
                }
                searchStart = text.index(after: found.lowerBound)
            }
        }
        return best?.placement
    }

    private func locateParagraph(in blocks: [String]) -> Placement? {
        guard !after.isEmpty else { return blocks.indices.contains(block) ? Placement(block: block, range: nil) : nil }
        let nearest = { (indices: [Int]) in indices.min { abs($0 - block) < abs($1 - block) } }
        if let index = nearest(blocks.indices.filter({ blocks[$0].hasPrefix(after) })) {
            return Placement(block: index, range: nil)
        }
        if let index = nearest(blocks.indices.filter({ blocks[$0].contains(after) })) {
            return Placement(block: index, range: nil)
        }
        return nil
    }

    static func commonPrefix(_ a: some StringProtocol, _ b: some StringProtocol) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    static func commonSuffix(_ a: some StringProtocol, _ b: some StringProtocol) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }
}
