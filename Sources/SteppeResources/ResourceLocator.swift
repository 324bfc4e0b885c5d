import Foundation

/// Files that ship with Steppe: the themes and the sample archive.
public enum BundledResources {
    /// The folder of bundled `*.json` themes.
    public static var themesDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Themes")
    }

    /// The sample archive, a folder in archive format v1.
    public static var sampleArchive: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Sample")
    }

    /// The JSON Schema of archive entries and metadata.
    public static var schemaDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Schema")
    }
}
