import Dispatch

/// Lets go of a large value off the run loop: freeing the hundred thousand calls of a listing
/// that a newer one replaces took 25 ms on the run loop (each call's arrays and strings released
/// one by one), longer than a frame. The value is handed to a utility thread, which drops it.
enum BackgroundRelease {
    static func release<Value: Sendable>(_ value: consuming Value) {
        DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
    }
}
