/// A semantic role a theme gives a style to; raw values are the keys of theme files.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable {
    case text
    case dim
    case border
    case borderFocused = "border.focused"
    case title
    case titleFocused = "title.focused"
    case columnHeader = "column.header"
    case selection
    case selectionUnfocused = "selection.unfocused"
    case header
    case headerLive = "header.live"
    case headerWarning = "header.warning"
    case sparkline
    case status
    case statusKey = "status.key"
    case badge
    case rowNew = "row.new"
    case rowAnomaly = "row.anomaly"
    case jsonKey = "json.key"
    case jsonString = "json.string"
    case jsonNumber = "json.number"
    case jsonBool = "json.bool"
    case jsonNull = "json.null"
    case jsonPunct = "json.punct"
    case searchMatch = "search.match"
    case prompt
    case error
    case overlay
    case overlayBorder = "overlay.border"
}
