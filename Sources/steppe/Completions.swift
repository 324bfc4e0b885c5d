import ArgumentParser
import Foundation
import SteppeCore
import SteppeRendering
import SteppeResources

/// What the shell completes for options that take a slug of the site's taxonomy. Generated scripts
/// (`steppe --generate-completion-script bash|zsh|fish`) carry these lists.
enum Completions {
    private static let taxonomy = TaxonomyTable(.eurasianet)

    static func slugs(_ facet: Facet) -> CompletionKind {
        // The facet's own entry ("regions") is a heading, not a value.
        .list((0..<taxonomy.count).filter { taxonomy[$0].facet == facet && taxonomy[$0].slug != facet.rawValue }.map { taxonomy[$0].slug })
    }

    static let regions = slugs(.regions)
    static let topics = slugs(.topics)
    static let sections = slugs(.sections)
    static let languages = CompletionKind.list(Language.allCases.map(\.rawValue))
    /// The themes there are when the shell asks: the bundled ones and the reader's own.
    static let themes = CompletionKind.custom { _, _, prefix in
        let user = XDGDirectories(environment: ProcessInfo.processInfo.environment).userThemes
        return Theme.usable(user: user, bundled: BundledResources.themesDirectory).filter { $0.hasPrefix(prefix) }
    }
}
