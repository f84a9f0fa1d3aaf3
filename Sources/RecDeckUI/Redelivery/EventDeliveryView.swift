/// Which delivery of each redelivered event the event pane shows (`r` steps through them), and
/// what the pane's title says of it: which delivery counts and why.
public struct EventDeliveryView: Sendable, Hashable {
    /// 0: the delivery that counts; n: the (n+1)-th delivery of each event that has several
    /// (counted round for an event with fewer).
    public var shown = 0
    /// `delivery 2 of 2 conflicts; delivery 1 counts: it has more fields (12 against 10)`, for
    /// the first event shown with several deliveries; nil when every event has one.
    public var note: String?

    public init(shown: Int = 0, note: String? = nil) {
        self.shown = shown
        self.note = note
    }
}
