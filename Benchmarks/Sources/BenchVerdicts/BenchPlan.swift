/// The in-process benchmarks as the harness runs them and as their verdicts read them: their targets, names and
/// sizes, said once for both.
public enum BenchPlan {
    /// decode + apply on one core, against Foundation's `JSONDecoder` decoding the same bodies.
    public enum DecodeApply {
        public static let target = "DecodeApply"
        /// Bodies per timed pass, and the fleet they are about.
        public static let events = 200_000
        public static let vehicles = 5_000
        /// Bodies per counted pass: allocations per event do not depend on the batch, and the baseline is slow.
        public static let countedEvents = 20_000
        public static let baseline = "JSONDecoder"
        public static let decode = "decode"
        public static let decodeApply = "decode + apply"
        public static let baselineAllocations = "JSONDecoder allocations"
        public static let decodeApplyAllocations = "decode + apply allocations"
    }

    /// A dashboard frame at two fleet sizes, and an idle dashboard.
    public enum Frame {
        public static let target = "Frame"
        public static let smallFleet = 1_000
        public static let largeFleet = 100_000
        /// Frames timed per benchmark, each after one live event.
        public static let frames = 2_000
        public static let small = "frame 1k vehicles"
        public static let large = "frame 100k vehicles"
        /// The large fleet with a filter typed: printed, not judged (the full refilter runs at most once a second).
        public static let filtered = "frame 100k vehicles filtered"
        public static let filter = "veh-1"
        /// The same two fleets with the map open in the right-hand column (every vehicle has a position); judged by
        /// the same rule, the large map frame against the small map frame.
        public static let mapSmall = "frame 1k vehicles map"
        public static let mapLarge = "frame 100k vehicles map"
        /// The same two fleets sorted by charge (descending) with a filter typed: judged by the same rule, the large
        /// against the small, so that sorting is shown cached, not redone per frame.
        public static let sortedSmall = "frame 1k vehicles sorted filtered"
        public static let sortedLarge = "frame 100k vehicles sorted filtered"
        public static let idleFleet = 1_000
        /// Seconds of one idle window.
        public static let idleSeconds = 3
        /// The same idle window with no dashboard: the harness's own CPU, subtracted from the dashboard's.
        public static let idleBaseline = "idle harness alone"
        public static let idle = "idle dashboard"
    }

    /// Resident memory after a long run.
    public enum Memory {
        public static let target = "Memory"
        public static let events = 1_000_000
        public static let vehicles = 100_000
        public static let longRun = "long run"
    }

    /// Metrics the benchmarks record themselves, by name.
    public enum CustomMetric {
        /// Process CPU over an idle window, in microseconds per second of wall time (10,000 is 1 % of one core).
        public static let idleCPU = "idleCPUMicrosPerSecond"
        /// Frames an idle dashboard drew during its window.
        public static let framesDrawn = "framesDrawn"
    }
}
