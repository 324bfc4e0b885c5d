import ArgumentParser
import Foundation
import SteppeCore
import SteppeViewModel

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article as wrapped plain text.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: "The article's id (see 'steppe list').")
    var id: String

    @Option(help: "Wrap lines to this many columns.")
    var width: Int = 80

    func validate() throws {
        guard width >= 20 else { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let library = options.openLibrary()
        guard let index = library.headers.firstIndex(where: { $0.id == id }) else {
            fail("no article with id '\(id)' in \(library.source.displayPath)")
        }
        do {
            let article = try library.article(at: index)
            let layout = ArticleLayout(article: article, taxonomy: library.taxonomy, width: width, capped: false)
            FileHandle.standardOutput.write(Data(layout.plainText.utf8))
        } catch {
            fail(error.description)
        }
    }
}
