import Foundation

/// Checks a whole archive, bodies included, and lists every problem: what `steppe validate` prints.
public enum ArchiveValidator {
    public struct Report: Sendable {
        public var articleCount: Int
        public var issues: [ArchiveIssue]
        public var isClean: Bool { issues.isEmpty }
    }

    public static func validate(_ path: String) throws(ArchiveError) -> Report {
        let prepared = try ArchiveReader.prepare(path)
        var issues = taxonomyIssues(prepared)
        switch prepared.source.layout {
        case .singleFile:
            // The single-file reader decodes every body already.
            let library = try ArchiveReader.load(prepared)
            issues += library.catalogue.issues
            return Report(articleCount: library.catalogue.headers.count, issues: issues)
        case .directory(let articlesURL):
            let lines = try JSONLinesScanner.scan(articlesURL, as: Article.self)
            var count = 0
            issues += ArchiveReader.admitEntries(lines, path: articlesURL.path, taxonomy: prepared.taxonomy) {
                article, span, _, issues in
                count += 1
                if article.body.isEmpty {
                    issues.append(
                        ArchiveIssue(
                            path: articlesURL.path, line: span.line, articleID: article.id, message: "body is empty",
                            severity: .warning))
                }
            }
            return Report(articleCount: count, issues: issues)
        }
    }

    /// Slugs must be unique within a facet, or articles could not say which node they mean.
    static func taxonomyIssues(_ prepared: PreparedArchive) -> [ArchiveIssue] {
        guard let taxonomy = prepared.metadata.taxonomy else { return [] }
        var issues: [ArchiveIssue] = []
        for facet in Facet.allCases {
            var seen: Set<String> = []
            func visit(_ node: TaxonomyNode, _ place: String) {
                if !seen.insert(node.slug).inserted {
                    issues.append(
                        ArchiveIssue(
                            path: prepared.source.metadataURL.path, place: place,
                            message: "slug '\(node.slug)' is used twice in \(facet.rawValue)", severity: .warning))
                }
                for (i, child) in node.children.enumerated() { visit(child, "\(place).children[\(i)]") }
            }
            for (i, node) in taxonomy.nodes(of: facet).enumerated() { visit(node, "taxonomy.\(facet.rawValue)[\(i)]") }
        }
        return issues
    }
}
