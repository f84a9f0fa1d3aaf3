/// A buffer whose elements are each written by exactly one iteration of a `concurrentPerform`
/// (the store's recordings built on all cores, a calls listing filtered on all cores).
struct ConcurrentSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
