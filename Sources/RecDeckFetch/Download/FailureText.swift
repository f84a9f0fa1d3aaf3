import Foundation
import RecDeckCore

/// The words for each way a signed request fails, with what to do about it.
enum FailureText {
    /// 401: the key or the clock. `offset` is local time minus the server's `Date`, when it sent one.
    static func unauthorized(offset: TimeInterval?) -> String {
        var text = "401 Unauthorized: the service refused the signature."
        if let offset, abs(offset) >= 300 {
            let span = DurationText.age(nanoseconds: Int64(abs(offset) * 1e9))
            text += " Your clock is \(span) \(offset > 0 ? "ahead of" : "behind") the server's (its Date header);"
                + " signed requests more than 15 minutes off are refused: set the clock (timedatectl set-ntp true) and run again."
        } else {
            if let offset { text += " Your clock agrees with the server's (within \(Int(abs(offset).rounded())) s), so the key is the likely cause." }
            text += " Check that the connection string is the current one (keys are rotated) of the ACS resource that made the recording."
        }
        return text
    }

    static let forbidden = "403 Forbidden: the signature was read but this key may not touch this object: the recording may belong to "
        + "another ACS resource, or live in your own storage (bring-your-own storage). Use the connection string of the resource that made it."

    /// 404, with how old the recording's newest event is.
    static func notFound(age: Int64?) -> String {
        let retention = Anomaly.mediaRetentionNanoseconds
        guard let age else {
            return "404 Not Found: media expired or deleted (Azure keeps recordings 24 h after the recording); nothing to fetch."
        }
        let ageText = DurationText.age(nanoseconds: age)
        if age > retention {
            return "404 Not Found: media expired: kept 24 h after the recording; this event is \(ageText) old. "
                + "It cannot be fetched any more; fetch new recordings within a day of their event."
        }
        return "404 Not Found: this event is only \(ageText) old (within the 24 h retention), so the media was deleted "
            + "(recdeck delete, or a deleteLocation request) or the URL in the event is not the service's."
    }

    static let rangeRefused = "416 Range Not Satisfiable: the service would not serve the rest of the partial file, "
        + "nor the whole file; the partial file was removed: run again later."

    static func html(status: Int) -> String {
        if status == 400 {
            return "400 Bad Request with an HTML page: the service did not understand the request (a hand-built or "
                + "wrongly signed request, or a proxy in between); nothing saved. Check the URL in the event and any proxy."
        }
        return "HTTP \(status) with an HTML page where media was expected (a sign-in or error page of a proxy, or a wrong URL); "
            + "nothing saved. Check the URL in the event and any proxy between you and Azure."
    }

    static let empty = "the service answered with an empty body (0 bytes); nothing saved. The chunk may still be being written: "
        + "run again in a few minutes; if it stays empty, the recording failed (see the chunk's end reason)."

    /// 5xx or 429 on every try.
    static func unavailable(_ code: Int, attempts: Int) -> String {
        "HTTP \(code) \(HTTPURLResponseText.reason(code)) after \(attempts) attempts: the service is failing or busy; "
            + "run again later (what arrived is kept and resumed)."
    }

    /// Any other status a download cannot use.
    static func refused(_ code: Int) -> String {
        "HTTP \(code) \(HTTPURLResponseText.reason(code)): the service refused the request."
    }

    static func network(_ error: Error, host: String, attempts: Int) -> String {
        "cannot fetch from \(host) after \(attempts) attempts: \((error as NSError).localizedDescription). "
            + "Check the network and run again (what arrived is kept and resumed)."
    }
}

/// Reason phrases for the statuses messages name.
enum HTTPURLResponseText {
    static func reason(_ code: Int) -> String {
        switch code {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 416: "Range Not Satisfiable"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
