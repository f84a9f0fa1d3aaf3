import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Dead-lettered events, in the Event Grid schema and in CloudEvents form.
@Suite struct DeadLetterTests {
    @Test func eventGridDeadLetter() throws {
        let text = EventFixture.recording(extra: CallFixture.deadLetterMembers(cloudEvents: false))
        let contents = decode(text)
        #expect(contents.problems == [])
        let envelope = try #require(contents.events.first?.envelope)
        #expect(envelope.deadLetter == DeadLetter(reason: "MaxDeliveryAttemptsExceeded", attempts: 30, lastOutcome: "Probation", lastHttpStatus: 503))
        #expect(envelope.deadLetter?.summary == "dead-lettered: MaxDeliveryAttemptsExceeded, 30 attempts, last HTTP 503")
        var store = RecordingStore()
        store.apply(contents, to: "events.json")
        #expect(store.recordings["rec-1"]?.deadLettered == true)
        #expect(try RecordingQuery(parsing: "deadLettered:true").matches(store.recordings["rec-1"]!, now: .now()))
        #expect(try !RecordingQuery(parsing: "deadlettered:false").matches(store.recordings["rec-1"]!, now: .now()))
    }

    @Test func cloudEventsDeadLetterOnACallEvent() throws {
        let text = CallFixture.recordingState(id: "s1", active: true, time: "2026-10-01T08:00:00Z")
        let dead = String(text.dropLast()) + CallFixture.deadLetterMembers(cloudEvents: true, reason: "TimeToLiveExceeded", attempts: 1, status: 0) + "}"
        let contents = decode(dead)
        #expect(contents.problems == [])
        guard case .call(let event)? = contents.events.first else {
            Issue.record("not a call event")
            return
        }
        #expect(event.envelope.schema == .cloudEvents)
        #expect(event.envelope.deadLetter == DeadLetter(reason: "TimeToLiveExceeded", attempts: 1, lastOutcome: "Probation", lastHttpStatus: 0))
        #expect(event.envelope.deadLetter?.summary == "dead-lettered: TimeToLiveExceeded, 1 attempt, last outcome Probation")
        var store = RecordingStore()
        store.apply(contents, to: "a.json")
        #expect(CallTable(source: store).calls["call-1"]?.deadLettered == true)
    }

    @Test func anEventWithoutTheFieldsIsNotDeadLettered() throws {
        let envelope = try #require(decode(EventFixture.recording()).events.first?.envelope)
        #expect(envelope.deadLetter == nil)
    }

    @Test func aDeadLetteredCopyOfADeliveredEventIsARedeliveryNotAConflict() {
        var store = RecordingStore()
        store.apply(decode(EventFixture.recording(), file: "a.json"), to: "a.json")
        store.apply(decode(EventFixture.recording(extra: CallFixture.deadLetterMembers(cloudEvents: false)), file: "b.json"), to: "b.json")
        #expect(store.problems == [])
        #expect(store.summary.duplicateDeliveries == 1)
    }

    @Test func wrongKindsAreReportedAndReadAsMissing() throws {
        let text = EventFixture.recording(extra: #", "deadLetterReason": "X", "deliveryAttempts": "many""#)
        let contents = decode(text)
        #expect(contents.problems.map(\.message) == [#"expected an integer for "deliveryAttempts", found "many""#])
        #expect(contents.events.first?.envelope.deadLetter == DeadLetter(reason: "X"))
    }
}
