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
        let name = ArchiveChoice.abbreviate(url.path, home: environment["HOME"])
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            // Named on the command line and not there is a mistake; the standard file may well be absent.
            if file != nil { fail(strings.configFileNotFound(url.path)) }
            Output.print(VisibleText.escape(strings.configMissing(name)) + "\n")
            return
        }
        var (configuration, problems) = Configuration.load(url, shownAs: name)
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
                problems.append(ConfigProblem(
                    file: name, line: configuration.archiveLine, key: "archive", kind: .archive(VisibleText.escape(strings.archiveError(error)))))
                configuration.archive = nil
            }
        }
        problems.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        if let themeProblem {
            Output.printError(problems.map { VisibleText.escape(strings.configProblem($0)) + "\n" }.joined() + VisibleText.escape(themeProblem) + "\n")
            throw ExitCode(1)
        }
        if problems.isEmpty {
            Output.print(VisibleText.escape(strings.configIsValid(name)) + "\n")
            return
        }
        Output.printError(problems.map { VisibleText.escape(strings.configProblem($0)) + "\n" }.joined())
        throw ExitCode(1)
    }
}

/// The reader's configuration, read once: the file's mistakes are shown when the reader starts.
let userConfiguration: (configuration: Configuration, problems: [ConfigProblem]) = {
    let url = Configuration.file(XDGDirectories(environment: ProcessInfo.processInfo.environment))
    return Configuration.load(url, shownAs: ArchiveChoice.abbreviate(url.path, home: ProcessInfo.processInfo.environment["HOME"]))
}()
