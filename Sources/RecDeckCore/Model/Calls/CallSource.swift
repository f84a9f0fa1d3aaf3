/// What the call model reads from a store: its recordings and its call events (each as its
/// counting delivery has it, with every delivery). Anything that holds both can be a source, so the
/// call table does not depend on how the store keeps them.
public protocol CallSource {
    var recordings: RecordingMap { get }
    var callEvents: [(event: CallEvent, deliveries: [EventLocation])] { get }
}

extension RecordingStore: CallSource {}
