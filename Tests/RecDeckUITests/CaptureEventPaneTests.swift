import RecDeckCore
import RecDeckTestSupport
import RecDeckUI
import Testing

/// The event pane of a delivery read from an Event Hubs Capture record.
@Suite struct CaptureEventPaneTests {
    @Test func titleNamesPartitionSequenceAndEnqueuedTime() throws {
        let fixtures = try CaptureFixtures.generate()
        let file = "ns/calls/1/2026/10/01/08/00/00.avro"
        let contents = try fixtures.bytes(file).withUnsafeBufferPointer { CaptureFileDecoder.decode($0, file: file) }
        var store = RecordingStore()
        store.apply(contents, to: file)
        var state = DashboardFixture.state(width: 160, height: 40, store: store)
        let id = try #require(state.selectedId)
        let event = try #require(state.list[id: id]?.events.first)
        let text = try EventText.read(event.location, under: fixtures.path).get()
        _ = update(&state, .eventLoaded(subject: .recording(id), sections: [.init(title: event.location.title, text: text)]))
        let lines = render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(id == "rec-11")
        #expect(lines.contains { $0.hasPrefix(
            "┌ Event  partition 1 · sequence 11 · enqueued 2026-10-01T08:11:05.000Z · \(file) (block 1, record 2) (1 of 1 delivery) ─") })
        #expect(lines.contains { $0.hasPrefix("│{") })
        #expect(lines.contains { $0.hasPrefix("│  \"specversion\": \"1.0\",") })
        #expect(lines.contains { $0.hasPrefix("│  \"id\": \"ce-11\",") })
    }
}
