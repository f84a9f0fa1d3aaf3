/// Call event JSON text for tests: the shapes the Azure docs, REST specs and SDK models publish
/// (Event Grid call events, Call Automation callbacks as CloudEvents, dead-lettered copies),
/// written afresh with test values.
public enum CallFixture {
    public static let topic = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/communicationServices/acs"

    /// `CallStarted` in the Event Grid schema; `nestedIdentifier` writes `startedBy` the newer way
    /// (`communicationIdentifier.rawId`) instead of the flat `rawId`.
    public static func callStarted(id: String = "cs-1", call: String? = "call-1", server: String? = "c2VydmVy",
                                   time: String = "2026-10-01T08:00:00Z", startedBy: String = "8:acs:alice",
                                   nestedIdentifier: Bool = false) -> String {
        let who = nestedIdentifier
            ? #"{"communicationIdentifier": {"kind": "communicationUser", "rawId": "\#(startedBy)", "communicationUser": {"id": "\#(startedBy)"}}, "role": "{role}"}"#
            : #"{"rawId": "\#(startedBy)", "communicationUser": {"id": "\#(startedBy)"}}"#
        return """
        {"id": "\(id)", "topic": "\(topic)", "subject": "call/\(server ?? "{serverCallId}")/startedBy/\(startedBy)",
         "data": {"startedBy": \(who), \(field("serverCallId", server)) "group": {"id": "00000000-0000-0000-0000-000000000000"},
                  "isTwoParty": false, \(field("correlationId", call)) "isRoomsCall": false},
         "eventType": "Microsoft.Communication.CallStarted", "dataVersion": "1.0", "metadataVersion": "1", "eventTime": "\(time)"}
        """
    }

    /// `CallEnded` in the Event Grid schema, with `durationOfCall` (fractional seconds) or, with
    /// `specsShape`, `callDurationInSeconds`, `endedBy` and `reason` as the REST spec example has them.
    public static func callEnded(id: String = "ce-1", call: String? = "call-1", server: String? = "c2VydmVy",
                                 time: String = "2026-10-01T08:10:00Z", durationSeconds: String? = "600.0",
                                 specsShape: Bool = false, reason: String = "CallEndedByUser") -> String {
        let duration = durationSeconds.map { specsShape ? "\"callDurationInSeconds\": \($0)," : "\"durationOfCall\": \($0)," } ?? ""
        let extra = specsShape
            ? #""endedBy": {"communicationidentifier": {"kind": "communicationUser", "rawId": "8:acs:bob"}, "type": "User"}, "reason": {"code": 0, "subCode": 0, "phrase": "\#(reason)"},"#
            : ""
        return """
        {"id": "\(id)", "topic": "\(topic)", "subject": "call/\(server ?? "{serverCallId}")",
         "data": {\(duration) \(extra) "startedBy": {"rawId": "8:acs:alice"}, \(field("serverCallId", server))
                  "isTwoParty": null, \(field("correlationId", call)) "isRoomsCall": false},
         "eventType": "Microsoft.Communication.CallEnded", "dataVersion": "1.0", "metadataVersion": "1", "eventTime": "\(time)"}
        """
    }

    /// `CallParticipantAdded` or `CallParticipantRemoved` in the Event Grid schema.
    public static func participant(added: Bool, id: String, user: String, name: String = "Test User",
                                   call: String? = "call-1", server: String? = "c2VydmVy", time: String) -> String {
        """
        {"id": "\(id)", "topic": "\(topic)", "subject": "call/\(server ?? "{serverCallId}")/participant/\(user)",
         "data": {"user": {"communicationIdentifier": {"rawId": "\(user)", "communicationUser": {"id": "\(user)"}}, "role": "{role}"},
                  "displayName": "\(name)", "participantId": "p-\(user)", "endpointType": "acs-web-test-client",
                  "startedBy": {"rawId": "8:acs:alice"}, \(field("serverCallId", server)) \(field("correlationId", call)) "isRoomsCall": false},
         "eventType": "Microsoft.Communication.CallParticipant\(added ? "Added" : "Removed")", "dataVersion": "1.0",
         "metadataVersion": "1", "eventTime": "\(time)"}
        """
    }

    /// Call Automation's `RecordingStateChanged` callback, a CloudEvent as the SDK models read it.
    public static func recordingState(id: String, active: Bool, recording: String? = "rec-1", call: String? = "call-1",
                                      server: String? = "c2VydmVy", time: String, startDateTime: String? = nil) -> String {
        """
        {"id": "\(id)", "source": "calling/callConnections/conn-1", "type": "Microsoft.Communication.RecordingStateChanged",
         "data": {"version": "2023-10-03-preview", \(field("recordingId", recording)) "state": "\(active ? "active" : "inactive")",
                  \(field("startDateTime", startDateTime)) "recordingKind": "AzureCommunicationServices",
                  "callConnectionId": "conn-1", \(field("serverCallId", server)) \(field("correlationId", call))
                  "publicEventType": "Microsoft.Communication.RecordingStateChanged"},
         "time": "\(time)", "specversion": "1.0", "datacontenttype": "application/json", "subject": "calling/callConnections/conn-1"}
        """
    }

    /// The calling server preview's recording state callback (2021–2022 SDKs, before Call
    /// Automation): type `Microsoft.Communication.CallRecordingStateChanged`, the same data members
    /// as `RecordingStateChanged` and nothing else (no `version`, `recordingKind` or `publicEventType`).
    public static func legacyRecordingState(id: String, active: Bool, recording: String = "rec-1", call: String = "call-1",
                                            server: String = "c2VydmVy", time: String, startDateTime: String) -> String {
        """
        {"id": "\(id)", "source": "calling/callConnections/conn-legacy", "type": "Microsoft.Communication.CallRecordingStateChanged",
         "data": {"recordingId": "\(recording)", "state": "\(active ? "active" : "inactive")", "startDateTime": "\(startDateTime)",
                  "callConnectionId": "conn-legacy", "serverCallId": "\(server)", "correlationId": "\(call)"},
         "time": "\(time)", "specversion": "1.0", "datacontenttype": "application/json", "subject": "calling/callConnections/conn-legacy"}
        """
    }

    /// Call Automation's `CallDisconnected` callback (CloudEvents).
    public static func callDisconnected(id: String = "cd-1", call: String? = "call-1", server: String? = "c2VydmVy",
                                        time: String) -> String {
        """
        {"id": "\(id)", "source": "calling/callConnections/conn-1", "type": "Microsoft.Communication.CallDisconnected",
         "data": {"version": "2023-10-03-preview", "operationContext": "ctx", "resultInformation": {"code": 200, "subCode": 7000, "message": "The conversation has ended."},
                  "callConnectionId": "conn-1", \(field("serverCallId", server)) \(field("correlationId", call))
                  "publicEventType": "Microsoft.Communication.CallDisconnected"},
         "time": "\(time)", "specversion": "1.0", "datacontenttype": "application/json", "subject": "calling/callConnections/conn-1"}
        """
    }

    /// The top-level members Event Grid adds to an event it dead-letters, to splice before its
    /// closing brace: camel case for the Event Grid schema, lower case for CloudEvents.
    public static func deadLetterMembers(cloudEvents: Bool, reason: String = "MaxDeliveryAttemptsExceeded",
                                         attempts: Int = 30, status: Int = 503) -> String {
        let names = cloudEvents
            ? ["deadletterreason", "deliveryattempts", "lastdeliveryoutcome", "lasthttpstatuscode", "publishtime", "lastdeliveryattempttime"]
            : ["deadLetterReason", "deliveryAttempts", "lastDeliveryOutcome", "lastHttpStatusCode", "publishTime", "lastDeliveryAttemptTime"]
        return """
        , "\(names[0])": "\(reason)", "\(names[1])": \(attempts), "\(names[2])": "Probation", "\(names[3])": \(status),
          "\(names[4])": "2026-10-01T08:00:11.0000000Z", "\(names[5])": "2026-10-02T08:00:11.0000000Z"
        """
    }

    private static func field(_ name: String, _ value: String?) -> String {
        value.map { "\"\(name)\": \"\($0)\"," } ?? ""
    }
}
