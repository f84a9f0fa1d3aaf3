import Foundation
import RecDeckCore

/// One file to fetch (or one object to delete): a chunk's media or metadata document.
public struct FetchItem: Sendable {
    /// Which of a chunk's URLs.
    public enum Part: String, Sendable, CaseIterable {
        case media, metadata
    }

    public var recordingId: String
    /// The chunk's position in its recording's chunks.
    public var chunkPosition: Int
    public var part: Part
    /// The URL from the event (`nil` when the event has none, or not a URL).
    public var url: URL?
    /// Where it goes, relative to the output folder: `CALL/RECORDING/chunk-000-DOC.mp4`.
    public var relativePath: String
    /// The newest event of its recording, for "this event is 3d old".
    public var lastEventTime: Timestamp?

    public init(recordingId: String, chunkPosition: Int = 0, part: Part, url: URL?, relativePath: String, lastEventTime: Timestamp?) {
        self.recordingId = recordingId
        self.chunkPosition = chunkPosition
        self.part = part
        self.url = url
        self.relativePath = relativePath
        self.lastEventTime = lastEventTime
    }
}
