import Foundation

/// One run of ordo-one/benchmark exported with `--format histogramPercentiles`: a TSV for each benchmark and
/// metric, named `RUN.TARGET.NAME.METRIC.histogram.percentiles.tsv` (spaces and slashes in the name made
/// underscores), holding a header line and then `PERCENTILE<TAB>VALUE` for the percentiles 0 to 100, in the
/// benchmark's units (nanoseconds and plain counts here: every benchmark sets them).
public struct HarnessExport: Sendable {
    /// A benchmark's metric.
    public struct Key: Hashable, Sendable {
        public var target: String
        public var name: String
        public var metric: String

        public init(target: String, name: String, metric: String) {
            self.target = target
            self.name = Self.fileSafe(name)
            self.metric = metric
        }

        /// A benchmark name as the harness writes it into a file name.
        static func fileSafe(_ name: String) -> String {
            name.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_")
        }
    }

    static let suffix = ".histogram.percentiles.tsv"
    private var percentiles: [Key: [Int: Double]] = [:]

    /// Reads every export file in `directory`; other files are ignored, and a missing directory reads as empty.
    public init(directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(Self.suffix) {
            files[name] = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        self.init(files: files)
    }

    /// Reads export files given as file name → contents.
    public init(files: [String: String]) {
        for (name, contents) in files where name.hasSuffix(Self.suffix) {
            // RUN.TARGET.NAME.METRIC, read from the right: the run's name is the harness's.
            let parts = name.dropLast(Self.suffix.count).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 4 else { continue }
            var key = Key(target: String(parts[parts.count - 3]), name: "", metric: String(parts[parts.count - 1]))
            key.name = String(parts[parts.count - 2])  // as the harness wrote it: already file-safe
            var values: [Int: Double] = [:]
            for line in contents.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: "\t")
                if fields.count == 2, let p = Int(fields[0]), let v = Double(fields[1]) { values[p] = v }
            }
            if !values.isEmpty { percentiles[key] = values }
        }
    }

    /// The value at `percentile` (50: the median) of a benchmark's metric; nil when the run did not export it.
    public func value(_ target: String, _ name: String, _ metric: String, percentile: Int = 50) -> Double? {
        percentiles[Key(target: target, name: name, metric: metric)]?[percentile]
    }

    /// Whether the export holds anything at all.
    public var isEmpty: Bool { percentiles.isEmpty }
}
