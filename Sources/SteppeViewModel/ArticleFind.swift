import SteppeCore

/// A search inside the open article, like `less`: every match marked, `n`/`N` go from one to the
/// next, Esc ends it.
public struct ArticleFind: Sendable, Equatable {
    public struct Match: Sendable, Equatable {
        public var block: Int
        /// Characters of the block's text.
        public var range: Range<Int>
    }

    public var field: TextField
    /// Typing in the status bar; false once Enter took the text (then `n`/`N` move).
    public var isEditing = true
    public var matches: [Match] = []
    public var current: Int?
    /// The last move went past the end (or the start) and on from the other side.
    public var hasWrapped = false

    public init(field: TextField = TextField()) { self.field = field }

    /// Every place `text` stands in the blocks, case aside, in reading order.
    public static func matches(of text: String, in blocks: [String]) -> [Match] {
        let needle = Array(text.lowercased())
        guard !needle.isEmpty else { return [] }
        var found: [Match] = []
        for (index, block) in blocks.enumerated() {
            let characters = Array(block.lowercased())
            guard characters.count >= needle.count else { continue }
            var i = 0
            while i + needle.count <= characters.count {
                if characters[i] == needle[0], Array(characters[i..<(i + needle.count)]) == needle {
                    found.append(Match(block: index, range: i..<(i + needle.count)))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// The matches in one block, for drawing.
    public func ranges(in block: Int) -> [Range<Int>] { matches.filter { $0.block == block }.map(\.range) }
}
