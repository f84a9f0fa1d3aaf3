/// Something about a call worth a second look; the raw values are the codes `calls` prints.
///
/// A recording without call events is not an anomaly: many deployments subscribe to recording
/// events only.
public enum CallAnomaly: String, Sendable, CaseIterable, Comparable {
    /// A `RecordingStateChanged` to `active` with no recording file event for that recording,
    /// once the call ended (or, when its end is unknown, its newest event) more than
    /// `fileGraceNanoseconds` ago.
    case recordingStartedNoFile
    /// The recorded time (the union of its recordings' spans) exceeds the call's duration, from
    /// its call events, by more than `durationToleranceMs`.
    case recordedLongerThanCall
    /// The call ended (`CallEnded` or `CallDisconnected`) and a recording's last state change is
    /// still `active`: it was never marked `inactive`.
    case callEndedWhileRecordingActive

    public static func < (lhs: CallAnomaly, rhs: CallAnomaly) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How long after a call ends its recording file event may still arrive: 30 minutes
    /// (a long recording is processed for a while before `RecordingFileStatusUpdated` is sent).
    public static let fileGraceNanoseconds: Int64 = 30 * 60 * 1_000_000_000

    /// How much longer than the call its recordings may add up to before it is an anomaly: 2 s,
    /// since the call's duration and the recordings' come from different clocks and roundings.
    public static let durationToleranceMs: Int64 = 2000
}
