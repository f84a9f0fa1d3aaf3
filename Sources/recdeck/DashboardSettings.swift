import RecDeckCore
import RecDeckUI

/// Everything the dashboard starts with, after flags, the config file and defaults are combined
/// (flags first, then the config file, then the defaults).
struct DashboardSettings {
    var directory: String
    var displayName: String
    var watchOptions = WatchOptions()
    var mouse = true
    var utc = false
    var follow = false
    var query: RecordingQuery?
    var theme: String?
    var sort = RecordingSort()
    var columns = RecordingColumn.dashboardDefault
    var keymap = Keymap.standard
    /// For `d`: the config's connection string file and download folder.
    var connectionStringFile: String?
    var downloadDir = "recordings"

    /// Settings for `directory` with what the config file says where no flag said otherwise.
    init(directory: String, displayName: String, config: RecDeckConfig) throws {
        self.directory = directory
        self.displayName = displayName
        mouse = config.mouse ?? true
        utc = config.utc ?? false
        follow = config.follow ?? false
        theme = config.theme
        sort = config.sort ?? RecordingSort()
        columns = config.columns ?? RecordingColumn.dashboardDefault
        keymap = try Keymap.standard.remapped(config.keys)
        connectionStringFile = config.connectionStringFile
        downloadDir = config.downloadDir ?? "recordings"
        if let poll = config.poll, poll > 0 { watchOptions.mode = .polling(every: .milliseconds(Int64(poll * 1000))) }
        watchOptions.scan.recursive = config.recursive ?? true
    }
}
