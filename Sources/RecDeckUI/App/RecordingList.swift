import RecDeckCore

/// The recordings pane's list: every recording, all of them in sort order, and the rows the
/// filter lets through, in that order. Its storage is private and changes only through
/// `apply(_:now:)` (a store delta merged into the order where each recording goes: binary
/// searches and one pass, not a sort), `setSort(_:now:)` / `requestSort(_:now:)` (an order
/// sorted before brought up to date, or one sort on keys computed once per recording, on a
/// worker when there are many) and `setQuery(_:now:)` (a filter over the sorted order, never a
/// sort), so the order, the filter and the rows shown cannot disagree.
///
/// Every order shown before is kept (`RecordingOrderCache`): coming back to it takes out the
/// recordings that changed since and merges them back in, rather than sorting every recording;
/// the filtered rows follow a new order in one pass over it, without evaluating the filter.
///
/// The lists hold positions into `all` (32-bit slots), not recordings: sorting and filtering move
/// integers, and nothing is retained or released per row. Ties of every sort are decided by the
/// recordings' places in id order, which the list keeps once it has needed them.
public struct RecordingList: Sendable {
    /// The order of the rows.
    public private(set) var sort: RecordingSort
    /// The filter the rows passed.
    public private(set) var query: RecordingQuery
    /// Every recording, in no particular order: the slots the lists below refer to.
    public private(set) var all: [Recording] = []
    /// The clock the sort and the filter were applied at (`age`).
    private var now: Timestamp
    /// The slot of each recording in `all`, found by its id (which `all` holds: 8 bytes a bucket, no copy of the id).
    private var slotIndex = SlotIndex()
    /// Every slot in sort order.
    private var ordered: [Int32] = []
    /// The slots the query lets through, in order; `nil` while the query is empty (then they are `ordered`).
    private var filtered: [Int32]?
    /// Every slot in the order of the ids, once a sort has needed it (kept up to date from then on),
    /// and each slot's place in it (worked out again by the next sort after recordings came or went).
    private var byId: [Int32]?
    private var idRanks: [UInt32]?
    /// Recent filter results over `ordered` (emptied whenever it changes): deleting characters at the
    /// prompt goes back through queries just typed.
    private var filterCache: [(query: RecordingQuery, rows: [Int32])] = []
    /// Counts the changes to `all`, so that rows a worker filtered are known to fit, and to
    /// `ordered` alone, so that they are known to need putting in order.
    private var version = 0
    private var orderVersion = 0
    /// The orders shown before, and the slots changed since each.
    private var orders = RecordingOrderCache()
    /// A filter asked for that is worked out on a worker (too many rows to examine at once): the
    /// rows of the filter in force stay until its answer is adopted.
    public private(set) var pendingQuery: RecordingQuery?
    private var requestInFlight = false
    /// A filter examining more rows than this goes to a worker, so that a key never waits for it.
    public var synchronousFilterLimit = 20_000
    /// A sort asked for that is worked out on a worker (an order not sorted before, of too many
    /// recordings to sort at once): the rows keep the order in force until its answer is adopted.
    public private(set) var pendingSort: RecordingSort?
    private var sortInFlight = false
    /// A sort of more recordings than this, not sorted before, goes to a worker.
    public var synchronousSortLimit = 20_000
    /// An order sorted before is brought up to date at once when no more than this many
    /// recordings changed since (a binary search each, ~12 µs for a text field at 100,000
    /// recordings, and one pass); otherwise it is sorted again.
    static let catchUpLimit = 500

    /// An empty list with this order and filter.
    public init(sort: RecordingSort = RecordingSort(), query: RecordingQuery = RecordingQuery(), now: Timestamp) {
        self.sort = sort
        self.query = query
        self.now = now
    }

    /// `recordings` (distinct ids) in this order, through this filter.
    public init<S: Sequence>(_ recordings: S, sort: RecordingSort = RecordingSort(), query: RecordingQuery = RecordingQuery(),
                             now: Timestamp) where S.Element == Recording {
        self.init(sort: sort, query: query, now: now)
        var delta = StoreDelta()
        for recording in recordings { delta.added[recording.id] = recording }
        apply(delta, now: now)
    }

    // MARK: Reading

    /// The ids of the rows, in order.
    public struct IDs: RandomAccessCollection, Sendable {
        fileprivate let all: [Recording]
        fileprivate let rows: [Int32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { rows.count }
        public subscript(row: Int) -> PackedID { all[Int(rows[row])].id }
    }

    private var rows: [Int32] { filtered ?? ordered }

    /// How many rows the filter lets through.
    public var count: Int { rows.count }

    /// The recording of a row.
    public subscript(row row: Int) -> Recording { all[Int(rows[row])] }

    /// The recording with this id, shown or not.
    public subscript(id id: PackedID) -> Recording? { slot(of: id).map { all[Int($0)] } }

    /// The slot in `all` of the recording with this id.
    private func slot(of id: PackedID) -> Int32? {
        slotIndex.find(SlotIndex.tag(id.hashValue)) { all[Int($0)].id == id }
    }

    /// The ids of the rows, in order.
    public var ids: IDs { IDs(all: all, rows: rows) }

    /// The row of the recording with this id, `nil` when the filter hides it or there is none:
    /// a binary search on its place in the order.
    public func row(of id: PackedID) -> Int? {
        guard let slot = slot(of: id) else { return nil }
        let recording = all[Int(slot)]
        if !query.isEmpty, !query.matches(recording, now: now) { return nil }
        let list = rows
        let at = insertionIndex(of: recording, in: list, by: sort)
        if at < list.count, list[at] == slot { return at }
        // Not where its key says (an order on the clock, sorted at another time): look everywhere.
        return list.firstIndex(of: slot)
    }

    // MARK: Changing

    /// Orders the rows by `sort` now: the order kept from when it was shown before, brought up to
    /// date, or one sort of every recording on keys computed once each, unless the order is
    /// already this one. A sort being worked out on a worker (`requestSort`) is dropped.
    public mutating func setSort(_ sort: RecordingSort, now: Timestamp) {
        pendingSort = nil
        guard sort != self.sort || sort.dependsOnClock else { return }
        self.now = now
        if let kept = keptOrder(by: sort, changesUpTo: max(Self.catchUpLimit, all.count / 4)) {
            show(kept, by: sort)
            return
        }
        let ranks = currentIdRanks(buildingThem: true)
        show(Self.order(of: all, by: sort, idRanks: ranks, now: now), by: sort)
    }

    /// `setSort`, unless that means sorting more than `synchronousSortLimit` recordings anew (the
    /// order was not shown before, or too many recordings changed since): then the sort becomes
    /// `pendingSort`, the rows keep the order in force, and the answer is the work for a worker
    /// (nil while one is under way: its answer asks again). `adopt` takes the order it sorted.
    public mutating func requestSort(_ sort: RecordingSort, now: Timestamp) -> RecordingSortRequest? {
        if sort == pendingSort, !sort.dependsOnClock { return nil }
        if sort == self.sort, !sort.dependsOnClock {
            pendingSort = nil
            return nil
        }
        if let kept = keptOrder(by: sort, changesUpTo: Self.catchUpLimit) {
            pendingSort = nil
            self.now = now
            show(kept, by: sort)
            return nil
        }
        guard all.count > synchronousSortLimit else {
            setSort(sort, now: now)
            return nil
        }
        pendingSort = sort
        self.now = now
        return sortRequestIfIdle()
    }

    /// Takes the order a worker sorted: kept, and shown when it is the pending sort, brought up to
    /// date with the recordings that changed meanwhile. An order of slots since renumbered
    /// (recordings went) is not trusted: the pending sort is asked for again; when another sort
    /// was chosen meanwhile, the answer is the request for it (unless it was sorted before).
    public mutating func adopt(_ answer: RecordingSortAnswer) -> RecordingSortRequest? {
        sortInFlight = false
        guard answer.generation == orders.generation, let changed = orders.changes(since: answer.at, upTo: all.count) else {
            return sortRequestIfIdle()
        }
        if byId == nil, let answered = answer.byId {
            // The ids the worker put in order, and those that came since.
            byId = inserting(changed.filter { Int($0) >= answered.count }, intoIdOrder: answered)
            idRanks = nil
        }
        if answer.sort != sort { orders.keep(answer.slots, by: answer.sort, at: answer.at) }
        guard let wanted = pendingSort else { return nil }
        if wanted == answer.sort {
            pendingSort = nil
            show(caughtUp(answer.slots, changed: changed, by: wanted), by: wanted)
            return nil
        }
        if let kept = keptOrder(by: wanted, changesUpTo: Self.catchUpLimit) {
            pendingSort = nil
            show(kept, by: wanted)
            return nil
        }
        return sortRequestIfIdle()
    }

    /// The worker's part for the pending sort, unless a request is under way already.
    private mutating func sortRequestIfIdle() -> RecordingSortRequest? {
        guard let wanted = pendingSort, !sortInFlight else { return nil }
        sortInFlight = true
        return RecordingSortRequest(generation: orders.generation, at: orders.position, sort: wanted, all: all,
                                    idRanks: currentIdRanks(buildingThem: false), now: now)
    }

    /// The sorts whose orders are kept (not the one shown), for tests.
    var keptSorts: Set<RecordingSort> { orders.sorts }

    /// Filters the rows by `query`: over the rows already shown when it can only narrow them,
    /// from the results of recent queries when it is one of them. A filter being worked out on a
    /// worker (`requestQuery`) is dropped.
    public mutating func setQuery(_ query: RecordingQuery, now: Timestamp) {
        pendingQuery = nil
        guard query != self.query || query.dependsOnClock else { return }
        let narrowing = narrows(to: query)
        self.query = query
        self.now = now
        refilter(narrowing: narrowing)
    }

    /// `setQuery`, unless that means examining more than `synchronousFilterLimit` rows: then the
    /// query becomes `pendingQuery`, the rows stay those of the filter in force, and the answer is
    /// the work for a worker (nil while one is under way: its answer asks again). `adopt` takes
    /// the rows the worker filtered.
    public mutating func requestQuery(_ query: RecordingQuery, now: Timestamp) -> RecordingFilterRequest? {
        if query == pendingQuery, !query.dependsOnClock { return nil }
        let cached = !query.dependsOnClock && filterCache.contains { $0.query == query }
        let examined = (narrows(to: query) ? rows : ordered).count
        guard query != self.query, !query.isEmpty, !cached, examined > synchronousFilterLimit else {
            setQuery(query, now: now)
            return nil
        }
        pendingQuery = query
        self.now = now
        return requestIfIdle()
    }

    /// Takes the rows a worker filtered: shown when they are for the pending query over the
    /// recordings as they are; when recordings changed meanwhile, the pending query is applied
    /// here at once (a worker asked again might never catch up with a stream of arrivals); when
    /// another query was typed meanwhile, the answer is the request for it.
    public mutating func adopt(_ answer: RecordingFilterAnswer) -> RecordingFilterRequest? {
        requestInFlight = false
        guard let wanted = pendingQuery else { return nil }
        guard answer.query == wanted else { return requestIfIdle() }
        pendingQuery = nil
        let narrowing = narrows(to: wanted)
        query = wanted
        guard answer.version == version else {
            refilter(narrowing: narrowing)
            return nil
        }
        // Sorted again meanwhile: the same rows, in the new order.
        let rows = answer.orderVersion == orderVersion ? answer.rows : reordered(answer.rows)
        filtered = rows
        if !wanted.dependsOnClock {
            if filterCache.count >= 16 { filterCache.removeFirst() }
            filterCache.append((wanted, rows))
        }
        return nil
    }

    /// Whether `query` can be applied over the rows shown rather than over every recording.
    private func narrows(to query: RecordingQuery) -> Bool {
        !self.query.isEmpty && !query.dependsOnClock && query.narrows(self.query)
    }

    /// The worker's part for the pending query, unless a request is under way already.
    private mutating func requestIfIdle() -> RecordingFilterRequest? {
        guard let wanted = pendingQuery, !requestInFlight else { return nil }
        requestInFlight = true
        return RecordingFilterRequest(version: version, orderVersion: orderVersion, query: wanted, rows: narrows(to: wanted) ? rows : ordered,
                                      all: all, now: now)
    }

    /// Applies the clock to an order or a filter on age (each is unchanged otherwise).
    public mutating func refresh(now: Timestamp) {
        self.now = now
        if sort.dependsOnClock { resort() }
        if sort.dependsOnClock || query.dependsOnClock { refilter(narrowing: false) }
    }

    /// Applies a store delta: each recording that went or changed leaves the order where it was,
    /// each new version goes in where it belongs, in one pass over the rows. Only a delta that
    /// brings a large share of the recordings (the first load), or an order on the clock, sorts
    /// them all; then `whileSorting` runs at the same time on the other core, with the old
    /// versions and the new ones (the caller's totals), and its result is `beside`.
    /// Returns the recordings' old versions (of those that changed or went) and the new ones.
    @discardableResult
    public mutating func apply<Result: Sendable>(
        _ delta: StoreDelta, now: Timestamp,
        whileSorting: @Sendable (_ leaving: [Recording], _ arriving: [Recording]) -> Result
    ) -> (leaving: [Recording], arriving: [Recording], beside: Result?) {
        self.now = now
        version += 1
        filterCache.removeAll()
        var leaving: [Recording] = []
        var arriving: [Recording] = []
        var changedSlots: [Int32] = []
        for (id, recording) in [delta.updated, delta.added].joined() {
            if let slot = slot(of: id) {
                leaving.append(all[Int(slot)])
                changedSlots.append(slot)
            }
            arriving.append(recording)
        }
        var removedSlots: [Int32] = []
        for id in delta.removed {
            guard let slot = slot(of: id), delta.updated[id] == nil, delta.added[id] == nil else { continue }
            leaving.append(all[Int(slot)])
            removedSlots.append(slot)
        }
        let incrementalFilter = !query.dependsOnClock && filtered != nil
        let fullSort = sort.dependsOnClock || arriving.count * 4 > all.count + arriving.count
        // The old versions leave the order (and the filtered rows) where they were.
        if !fullSort {
            take(changedSlots, outOf: &ordered)
            if incrementalFilter, var rows = filtered {
                take(changedSlots.filter { query.matches(all[Int($0)], now: now) }, outOf: &rows)
                filtered = rows
            }
        }
        removeSlots(removedSlots)
        // The new versions take their slots (a new recording a new one).
        var newSlots: [Int32] = []
        var addedSlots: [Int32] = []
        all.reserveCapacity(all.count + arriving.count)
        slotIndex.reserveCapacity(all.count + arriving.count)
        for recording in arriving {
            if let slot = slot(of: recording.id) {
                all[Int(slot)] = recording
                newSlots.append(slot)
            } else {
                let slot = Int32(all.count)
                all.append(recording)
                slotIndex.insert(SlotIndex.tag(recording.id.hashValue), slot: slot)
                newSlots.append(slot)
                addedSlots.append(slot)
            }
        }
        if !removedSlots.isEmpty || !addedSlots.isEmpty { idRanks = nil }
        orders.record(newSlots)
        if let order = byId, !addedSlots.isEmpty {
            byId = nil
            byId = inserting(addedSlots, intoIdOrder: order)
        }
        guard !fullSort else {
            let all = all, sort = sort, ranks = currentIdRanks(buildingThem: false), now = now
            let leavingNow = leaving, arrivingNow = arriving
            let (order, result) = Parallel.pair({ Self.order(of: all, by: sort, idRanks: ranks, now: now) }, {
                whileSorting(leavingNow, arrivingNow)
            })
            ordered = order
            refilter(narrowing: false)
            return (leaving, arriving, result)
        }
        merge(newSlots, into: &ordered, by: sort)
        if incrementalFilter, var rows = filtered {
            merge(newSlots.filter { query.matches(all[Int($0)], now: now) }, into: &rows, by: sort)
            filtered = rows
        } else {
            refilter(narrowing: false)
        }
        return (leaving, arriving, nil)
    }

    /// `apply(_:now:whileSorting:)` with nothing beside the sort.
    @discardableResult
    public mutating func apply(_ delta: StoreDelta, now: Timestamp) -> (leaving: [Recording], arriving: [Recording]) {
        let applied = apply(delta, now: now) { _, _ in () }
        return (applied.leaving, applied.arriving)
    }

    // MARK: Order

    /// Sorts every slot again (an order on the clock, at a new time).
    private mutating func resort() {
        orderVersion += 1
        let ranks = currentIdRanks(buildingThem: true)
        ordered = Self.order(of: all, by: sort, idRanks: ranks, now: now)
        filterCache.removeAll()
    }

    /// Shows `order`, every slot by `sort` as the recordings are now: the order it replaces is
    /// kept, and the filtered rows follow it.
    private mutating func show(_ order: [Int32], by sort: RecordingSort) {
        orders.keep(ordered, by: self.sort, at: orders.position)
        orders.forget(sort)
        self.sort = sort
        ordered = order
        orderVersion += 1
        filterCache.removeAll()
        reorderFiltered()
    }

    /// The order by `sort` kept from when it was shown, brought up to date, unless more than
    /// `limit` recordings changed since (or it was never kept, or it depends on the clock).
    private func keptOrder(by sort: RecordingSort, changesUpTo limit: Int) -> [Int32]? {
        guard !sort.dependsOnClock, let kept = orders.order(by: sort, changesUpTo: limit) else { return nil }
        return caughtUp(kept.slots, changed: kept.changed, by: sort)
    }

    /// `order` (every slot by `sort` before the recordings of `changed` changed or came) as it
    /// is now: those slots taken out in one pass, then merged back in where they now belong.
    private func caughtUp(_ order: [Int32], changed: [Int32], by sort: RecordingSort) -> [Int32] {
        guard !changed.isEmpty else { return order }
        var marked = [Bool](repeating: false, count: all.count)
        for slot in changed { marked[Int(slot)] = true }
        var list = order.filter { !marked[Int($0)] }
        merge(changed, into: &list, by: sort)
        return list
    }

    /// The slots of `all` in id order, and each slot's place in it.
    static func idOrder(of all: [Recording]) -> (order: [Int32], ranks: [UInt32]) {
        let order = RecordingSort.idOrder(of: all).map { Int32($0) }
        return (order, ranks(order.lazy.map { Int($0) }, count: all.count))
    }

    static func order(of all: [Recording], by sort: RecordingSort, idRanks: [UInt32]?, now: Timestamp) -> [Int32] {
        sort.order(of: all, idRanks: idRanks, now: now).map { Int32($0) }
    }

    /// `order` (slots in id order) with `slots` (new ones) put where their ids go.
    private func inserting(_ slots: [Int32], intoIdOrder order: [Int32]) -> [Int32] {
        guard !slots.isEmpty else { return order }
        var order = order
        let incoming = Self.idOrder(ofSlots: slots, all: all)
        var places: [Int] = []
        var from = 0
        for slot in incoming {
            let id = all[Int(slot)].id
            var high = order.count
            while from < high {
                let middle = (from + high) / 2
                if all[Int(order[middle])].id < id { from = middle + 1 } else { high = middle }
            }
            places.append(from)
        }
        Self.insert(incoming, at: places, into: &order)
        return order
    }

    /// Each slot's place in id order: kept when nothing came or went since the last sort, worked
    /// out from `byId` otherwise; `buildingThem` sorts the ids the first time they are needed.
    private mutating func currentIdRanks(buildingThem: Bool) -> [UInt32]? {
        if let idRanks, idRanks.count == all.count { return idRanks }
        if byId == nil {
            guard buildingThem else { return nil }
            byId = Self.idOrder(of: all).order
        }
        let ranks = Self.ranks(byId!.lazy.map { Int($0) }, count: all.count)
        idRanks = ranks
        return ranks
    }

    private static func ranks<C: Collection>(_ order: C, count: Int) -> [UInt32] where C.Element == Int {
        var ranks = [UInt32](repeating: 0, count: count)
        for (rank, slot) in order.enumerated() { ranks[slot] = UInt32(rank) }
        return ranks
    }

    /// Where `recording` goes in `list` (slots in sort order): the first place whose recording
    /// does not come before it.
    private func insertionIndex(of recording: Recording, in list: [Int32], from start: Int = 0, by sort: RecordingSort) -> Int {
        var low = start, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if sort.precedes(all[Int(list[middle])], recording, now: now) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Takes `slots` (whose recordings are where the order put them) out of `list`.
    private func take(_ slots: [Int32], outOf list: inout [Int32]) {
        guard !slots.isEmpty else { return }
        var positions: [Int] = []
        for slot in slots {
            let at = insertionIndex(of: all[Int(slot)], in: list, by: sort)
            if at < list.count, list[at] == slot { positions.append(at) } else if let found = list.firstIndex(of: slot) { positions.append(found) }
        }
        positions.sort()
        if positions.count <= 8 {
            for at in positions.reversed() { list.remove(at: at) }
            return
        }
        var kept: [Int32] = []
        kept.reserveCapacity(list.count - positions.count)
        var next = 0
        for (index, slot) in list.enumerated() {
            if next < positions.count, positions[next] == index { next += 1 } else { kept.append(slot) }
        }
        list = kept
    }

    /// Puts `slots` into `list` (slots in order by `sort`), each where it belongs: the new ones in
    /// order first, then binary searches, then one pass.
    private func merge(_ slots: [Int32], into list: inout [Int32], by sort: RecordingSort) {
        guard !slots.isEmpty else { return }
        let incoming = slots.count == 1 ? slots : Self.order(ofSlots: slots, all: all, by: sort, now: now)
        var places: [Int] = []
        var from = 0
        for slot in incoming {
            from = insertionIndex(of: all[Int(slot)], in: list, from: from, by: sort)
            places.append(from)
        }
        Self.insert(incoming, at: places, into: &list)
    }

    /// Inserts `incoming[i]` at `places[i]` (ascending places into `list` as it is; equal places
    /// keep their order): one at a time when they are few, in one pass otherwise.
    private static func insert(_ incoming: [Int32], at places: [Int], into list: inout [Int32]) {
        if incoming.count <= 8 {
            for (slot, at) in zip(incoming, places).reversed() { list.insert(slot, at: at) }
            return
        }
        var merged: [Int32] = []
        merged.reserveCapacity(list.count + incoming.count)
        var next = 0
        for index in 0...list.count {
            while next < incoming.count, places[next] == index {
                merged.append(incoming[next])
                next += 1
            }
            if index < list.count { merged.append(list[index]) }
        }
        list = merged
    }

    private static func order(ofSlots slots: [Int32], all: [Recording], by sort: RecordingSort, now: Timestamp) -> [Int32] {
        sort.order(of: slots.map { all[Int($0)] }, now: now).map { slots[$0] }
    }

    private static func idOrder(ofSlots slots: [Int32], all: [Recording]) -> [Int32] {
        RecordingSort.idOrder(of: slots.map { all[Int($0)] }).map { slots[$0] }
    }

    /// Removes recordings that went away: the last slot moves into each freed one, and every list
    /// is rewritten once.
    private mutating func removeSlots(_ slots: [Int32]) {
        guard !slots.isEmpty else { return }
        let removed = Set(slots)
        var movedTo: [Int32: Int32] = [:]
        var originalAt: [Int32: Int32] = [:]
        for slot in slots.sorted(by: >) {
            let last = Int32(all.count - 1)
            slotIndex.remove(SlotIndex.tag(all[Int(slot)].id.hashValue), slot: slot)
            if slot != last {
                let original = originalAt[last] ?? last
                all[Int(slot)] = all[Int(last)]
                slotIndex.replace(SlotIndex.tag(all[Int(slot)].id.hashValue), slot: last, with: slot)
                movedTo[original] = slot
                originalAt[slot] = original
            }
            originalAt[last] = nil
            all.removeLast()
        }
        func rewrite(_ list: [Int32]) -> [Int32] {
            list.compactMap { removed.contains($0) ? nil : movedTo[$0] ?? $0 }
        }
        ordered = rewrite(ordered)
        filtered = filtered.map(rewrite)
        byId = byId.map(rewrite)
        idRanks = nil
        orders.reset()
    }

    // MARK: Filter

    /// Puts the filtered rows in the order of `ordered` (the same recordings pass the filter in
    /// any order): one pass, no recording examined, unless the filter depends on the clock.
    private mutating func reorderFiltered() {
        guard let rows = filtered, !query.dependsOnClock else {
            refilter(narrowing: false)
            return
        }
        filtered = reordered(rows)
    }

    /// The slots of `rows` in the order of `ordered`.
    private func reordered(_ rows: [Int32]) -> [Int32] {
        var marked = [Bool](repeating: false, count: all.count)
        for slot in rows { marked[Int(slot)] = true }
        return ordered.filter { marked[Int($0)] }
    }

    /// Works out the rows from `ordered` and the query (from the rows shown when `narrowing`).
    private mutating func refilter(narrowing: Bool) {
        guard !query.isEmpty else {
            filtered = nil
            return
        }
        if !query.dependsOnClock, let cached = filterCache.first(where: { $0.query == query }) {
            filtered = cached.rows
            return
        }
        let rows = Self.filter(narrowing ? (filtered ?? ordered) : ordered, all, query, now: now)
        if !query.dependsOnClock {
            if filterCache.count >= 16 { filterCache.removeFirst() }
            filterCache.append((query, rows))
        }
        filtered = rows
    }

    /// The slots of `list` whose recordings match `query`, in order, filtered on all cores.
    static func filter(_ list: [Int32], _ all: [Recording], _ query: RecordingQuery, now: Timestamp) -> [Int32] {
        Parallel.filter(list) {
            // A copy of the query of this block's own (parsed again): threads that share one keep
            // retaining and releasing the same needles, and fight over their reference counts.
            let own = (try? RecordingQuery(parsing: query.text, utcOffsetSeconds: query.utcOffsetSeconds))
                .flatMap { $0 == query ? $0 : nil } ?? query
            return { own.matches(all[Int($0)], now: now) }
        }
    }
}
