import Foundation
import Testing
@testable import RecDeckCore
import RecDeckTestSupport

/// Reads the published payloads in `../shared/samples` (beside the project) when they are there.
@Suite struct SamplesConformanceTests {
    static let samples: String? = {
        let here = URL(fileURLWithPath: #filePath)
        let folder = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/samples").path
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }()

    func load(_ folder: String, _ name: String) throws -> FileContents {
        let root = try #require(Self.samples) + "/" + folder
        return try #require(DirectoryScanner(root: root).read(name))
    }

    @Test func samplesFolderIsPresentOrSkipped() {
        if Self.samples == nil {
            print("⚠️  SamplesConformanceTests: ../shared/samples not found beside the project; the conformance tests over the published payloads are SKIPPED")
        }
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func everyRealFileReadsWithoutProblems() throws {
        let store = try DirectoryScanner(root: Self.samples! + "/real").scan()
        // Every file reads cleanly. The one problem is across files: the 2021 docs sample reuses the
        // spec examples' event id and topic with a smaller `data`, which is a conflicting redelivery;
        // the spec examples' body (more fields) counts.
        #expect(store.problems.map(\.file) == ["specs_cloudevents_recording_file_status_updated.json"])
        #expect(store.problems.first?.message.hasPrefix("conflicting redelivery: event \"7283825e-f8f1-4c61-a9ea-752c56890500\"") == true)
        #expect(store.problems.first?.message.contains("docs_eventgrid_array_recording_file_status_updated_v2021_no_deleteLocation.json") == true)
        let summary = store.summary
        #expect(summary.files == 14)
        // The five recording events: the CloudEvents and Event Grid spec examples share topic/source and id,
        // so they are one event delivered twice; the 2022 docs sample has another topic.
        #expect(summary.recordings == 1)
        #expect(summary.otherEvents == 9)
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func cloudEventsSpecExample() throws {
        let event = try #require(try load("real", "specs_cloudevents_recording_file_status_updated.json").recordingEvents.first)
        #expect(event.envelope.schema == .cloudEvents)
        #expect(event.envelope.key.id == "7283825e-f8f1-4c61-a9ea-752c56890500")
        #expect(event.subjectIds == RecordingSubject(callId: "{call-id}", recordingId: "{recording-id}"))
        #expect(event.startTime?.nanoseconds == Timestamp(iso8601: "2021-07-27T15:20:23.6089755Z")?.nanoseconds)
        #expect(event.durationMs == 6620)
        #expect(event.formatType == "Mp3" && event.contentType == "Audio" && event.channelType == "Mixed")
        #expect(event.chunks.first?.deleteLocation?.hasSuffix("/content/deletedata") == true)
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func oldestShapeHasNoDeleteLocationOrTypes() throws {
        let event = try #require(try load("real", "docs_eventgrid_array_recording_file_status_updated_v2021_no_deleteLocation.json").recordingEvents.first)
        #expect(event.chunks.count == 1)
        #expect(event.chunks.first?.deleteLocation == nil)
        #expect(event.contentType == nil && event.formatType == nil)
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func serverCallIdSubjectAndTabs() throws {
        let event = try #require(try load("real", "docs2022_eventgrid_array_recording_file_status_updated_serverCallId_subject.json").recordingEvents.first)
        #expect(event.subjectIds == RecordingSubject(callId: "{call-id}", serverCallId: "{server-call-id}", recordingId: "{recording-id}"))
        #expect(event.chunks.first?.deleteLocation?.hasPrefix("https://us-storage.asm.skype.com") == true)
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func goSDKLiteralWithoutTopicOrStartTime() throws {
        let contents = try load("real", "sdkgo_test_eventgrid_array_recording_no_topic_no_starttime.json")
        let event = try #require(contents.recordingEvents.first)
        #expect(contents.problems.isEmpty)
        #expect(event.envelope.key.source == "")
        #expect(event.startTime == nil && event.durationMs == nil && event.sessionEndReason == nil)
        #expect(event.formatType == "Mp3")
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func callEventsAreOtherEventsSharingOneId() throws {
        let store = try DirectoryScanner(root: Self.samples! + "/real").scan()
        let shared = store.otherEvents.filter { $0.id.hasPrefix("02272459") }
        #expect(Set(shared.map(\.type)).count == shared.count)
        #expect(shared.count == 3)
        #expect(store.otherEvents.contains { $0.type == "Microsoft.EventGrid.SubscriptionValidationEvent" })
    }

    @Test(.enabled(if: SamplesConformanceTests.samples != nil, "../shared/samples is not beside the project: the published payloads cannot be checked"))
    func edgeCases() throws {
        let outOfOrder = try #require(try load("edge-cases", "SYNTH_multichunk_out_of_order.json").recordingEvents.first)
        #expect(outOfOrder.chunks.map(\.index) == [2, 0, 1])
        let duplicate = try load("edge-cases", "SYNTH_duplicate_id_same_batch.json")
        #expect(duplicate.recordingEvents.count == 2)
        #expect(duplicate.recordingEvents[0].envelope.key == duplicate.recordingEvents[1].envelope.key)
        let nulls = try #require(try load("edge-cases", "SYNTH_nulls_and_missing_optional.json").recordingEvents.first)
        #expect(nulls.envelope.key.source == "" && nulls.durationMs == nil && nulls.formatType == nil)
        let empty = try load("edge-cases", "SYNTH_empty_chunks_unknown_enum_deadletter_fields.json")
        let emptyEvent = try #require(empty.recordingEvents.first)
        #expect(empty.problems.isEmpty)
        #expect(emptyEvent.chunks.isEmpty && emptyEvent.channelType == "SomeFutureChannelType")
        #expect(emptyEvent.storageType == "blobstorage" && emptyEvent.dataRecordingId == "{recording-id}")

        let store = try DirectoryScanner(root: Self.samples! + "/edge-cases").scan()
        // Two edge cases reuse one event id with different bodies: the one conflicting redelivery,
        // decided by the body rule (more fields), whatever the file order.
        #expect(store.problems.map(\.file) == ["SYNTH_duplicate_id_same_batch.json"])
        #expect(store.problems.allSatisfy { $0.message.contains("conflicting redelivery") && $0.message.contains("SYNTH_empty_chunks_unknown_enum_deadletter_fields.json") })
        // Every edge case names the same recording; the multi-chunk one has other documents, so
        // index 0 is there twice (two documents) and reads as a repeated index.
        let merged = try #require(store.recordings["{recording-id}"])
        #expect(merged.chunks.map(\.index) == [0, 0, 1, 2])
        #expect(merged.fixedAnomalies.contains(.repeatedChunkIndex))
        #expect(merged.duplicateDeliveries >= 1)

        var multichunk = RecordingStore()
        multichunk.apply(try load("edge-cases", "SYNTH_multichunk_out_of_order.json"), to: "m.json")
        #expect(multichunk.recordings["{recording-id}"]?.chunks.map(\.index) == [0, 1, 2])
    }
}
