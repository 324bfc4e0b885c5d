import ArgumentParser
import Foundation
import SteppeCore
import SteppeViewModel

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutShow)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp(strings.helpID))
    var id: String

    @Option(help: ArgumentHelp(strings.helpWidth))
    var width: Int = 80

    func validate() throws {
        guard width >= 20 else { throw ValidationError(strings.widthTooSmall) }
    }

    func run() throws {
        let library = options.openLibrary()
        guard let header = library.catalogue.header(id: id) else {
            fail(strings.noSuchArticle(id, in: options.choose().label))
        }
        do throws(ArchiveError) {
            let article = try library.bodies.article(header)
            let layout = ArticleLayout(
                article: article, taxonomy: library.catalogue.taxonomy, width: width, strings: strings, capped: false)
            Output.print(layout.plainText)
        } catch {
            fail(strings.archiveError(error))
        }
    }
}
