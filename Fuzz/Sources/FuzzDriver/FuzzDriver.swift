#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's entry, for a target's `main.swift`.
///
/// SwiftPM links an executable with `main` bound to the Swift module's entry point, which would shadow libFuzzer's
/// own `main`. So each target's top-level code calls `FuzzDriver.run`, which hands the command line to libFuzzer's
/// driver (`LLVMFuzzerRunDriver`) with the target's test function. The target still defines
/// `LLVMFuzzerTestOneInput` (libFuzzer's archive references it), as the same function.
public enum FuzzDriver {
    /// The test function's shape: the input's bytes and count; the answer is 0 (keep) or -1 (do not add to corpus).
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with this process's arguments (`-max_total_time=60 corpus/`, a crash file to replay, …) and
    /// exits with its status.
    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input as a buffer (libFuzzer passes a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size > 0 ? size : 0)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: FuzzDriver.TestOneInput) -> CInt
