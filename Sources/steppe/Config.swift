import ArgumentParser
import Foundation
import SteppeConfig
import SteppeCore
import SteppeRendering
import SteppeResources

#if canImport(Glibc)
    import Glibc
#endif

/// `steppe config --default` and `steppe config --check`.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutConfig)

    @Flag(name: .customLong("default"), help: ArgumentHelp(strings.helpConfigDefault))
    var printDefault = false

    @Flag(name: .long, help: ArgumentHelp(strings.helpConfigCheck))
    var check = false

    @Option(name: .long, help: ArgumentHelp(strings.helpConfigFile, valueName: "path"), completion: .file(extensions: ["toml"]))
    var file: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if printDefault == check { throw ValidationError(strings.configNeedsAction) }
    }

    func run() throws {
        if printDefault {
            Output.print(Configuration.defaultText())
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let directories = XDGDirectories(environment: environment)
        let url = file.map { URL(fileURLWithPath: $0) } ?? Configuration.file(directories)
        let name = Config.shown(url)
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            // Named on the command line and not there is a mistake; the standard file may well be absent.
            if file != nil { fail(strings.configFileNotFound(url.path)) }
            Output.print(VisibleText.escape(strings.configMissing(name)) + "\n")
            return
        }
        let (configuration, loaded) = Configuration.load(url, shownAs: name)
        var problems = loaded
        // What only the machine can say: is the theme there, does the archive open?
        let themes = Theme.available(in: [directories.userThemes, BundledResources.themesDirectory])
        var themeProblem: String?
        if !themes.contains(configuration.theme) {
            problems.append(configuration.missingTheme(themes, file: name))
        } else if let resolved = try? Theme.resolve(
            configuration.theme, user: directories.userThemes, bundled: BundledResources.themesDirectory)
        {
            // The theme it names is there but does not load: its own mistake, in its own file.
            themeProblem = resolved.problem
        }
        if let archive = configuration.archivePath(home: environment["HOME"]) {
            do throws(ArchiveError) {
                _ = try ArchiveReader.prepare(archive)
            } catch {
                problems.append(configuration.unopenableArchive(strings.archiveError(error), file: name))
            }
        }
        let lines = problems.inReadingOrder.map(strings.configProblem) + (themeProblem.map { [$0] } ?? [])
        if lines.isEmpty {
            Output.print(VisibleText.escape(strings.configIsValid(name)) + "\n")
            return
        }
        Output.printError(lines.map { VisibleText.escape($0) + "\n" }.joined())
        throw ExitCode(1)
    }

    /// How messages name a configuration file: from the home folder as `~`.
    static func shown(_ url: URL) -> String {
        ArchiveChoice.abbreviate(url.path, home: ProcessInfo.processInfo.environment["HOME"])
    }
}

/// The reader's configuration, read once: the file's mistakes are shown when the reader starts.
let userConfiguration: (configuration: Configuration, problems: [ConfigProblem]) = {
    let url = Configuration.file(XDGDirectories(environment: ProcessInfo.processInfo.environment))
    return Configuration.load(url, shownAs: Config.shown(url))
}()
