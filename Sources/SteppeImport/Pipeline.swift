import Foundation
import SteppeCore
import Synchronization

/// Reads, converts and stores at once: one thread produces batches (reading a feed or a file of
/// lines is serial), a worker per core converts them, and the calling thread consumes the results
/// in the order they were produced (adding to the archive is serial too). At most `depth` batches
/// are in flight, so memory stays bounded whatever the input's size.
enum Pipeline {
    /// How the input ended: whole, broken off after some entries, or refused before any.
    enum End: Sendable, Equatable { case finished, broken(ImportProblem), refused(ImportProblem) }

    /// `produce` gets a `send` function that blocks while the pipeline is full and returns false once
    /// the consumer has given up; it returns how the input ended.
    static func run<Input: Sendable, Output: Sendable>(
        depth: Int = 4,
        produce: @escaping @Sendable (_ send: (sending [Input]) -> Bool) -> End,
        transform: @escaping @Sendable (Input) -> Output,
        consume: ([Input], [Output]) throws(ArchiveError) -> Void
    ) throws(ArchiveError) -> End {
        let shared = Shared<Input, Output>(depth: depth)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let group = DispatchGroup()

        group.enter()
        let producer = Thread {
            let end = produce { batch in shared.send(batch) }
            shared.finishProducing(end)
            group.leave()
        }
        producer.stackSize = 8 << 20
        producer.start()
        for _ in 0..<workers {
            group.enter()
            let worker = Thread {
                LibXML.prepareThread()
                while let (sequence, batch) = shared.nextInput() {
                    shared.deposit(sequence, batch, batch.map(transform))
                }
                shared.workerFinished()
                group.leave()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }

        var failure: ArchiveError?
        var next = 0
        while let (batch, outputs) = shared.result(next, workers: workers) {
            next += 1
            if failure == nil {
                do throws(ArchiveError) {
                    try consume(batch, outputs)
                } catch {
                    failure = error
                    shared.cancel()
                }
            }
            shared.consumed()
        }
        group.wait()
        if let failure { throw failure }
        return shared.end
    }

    final class Shared<Input: Sendable, Output: Sendable>: Sendable {
        private struct State {
            var queued: [(Int, [Input])] = []
            var results: [Int: ([Input], [Output])] = [:]
            var sent = 0
            var end: End?
            var finishedWorkers = 0
            var isCancelled = false
        }

        private let state = Mutex(State())
        /// Room for another batch in flight; given back when one is consumed.
        private let room: DispatchSemaphore
        private let inputReady = DispatchSemaphore(value: 0)
        private let resultReady = DispatchSemaphore(value: 0)

        init(depth: Int) { room = DispatchSemaphore(value: depth) }

        var end: End { state.withLock { $0.end ?? .finished } }

        func send(_ batch: sending [Input]) -> Bool {
            guard !batch.isEmpty else { return !state.withLock { $0.isCancelled } }
            room.wait()
            let accepted = state.withLock { s -> Bool in
                guard !s.isCancelled else { return false }
                s.queued.append((s.sent, batch))
                s.sent += 1
                return true
            }
            if accepted { inputReady.signal() } else { room.signal() }
            return accepted
        }

        func finishProducing(_ end: End) {
            state.withLock { $0.end = end }
            inputReady.signal()
        }

        /// The next batch to convert, or nil when the producer is done and nothing is queued.
        func nextInput() -> (Int, [Input])? {
            while true {
                inputReady.wait()
                let next = state.withLock { s -> (Int, [Input])?? in
                    if !s.queued.isEmpty { return .some(s.queued.removeFirst()) }
                    return s.end == nil ? .none : .some(nil)
                }
                guard let next else { continue }
                // The end is seen by every worker: pass the wake-up on.
                if next == nil { inputReady.signal() }
                return next
            }
        }

        func deposit(_ sequence: Int, _ batch: [Input], _ outputs: [Output]) {
            state.withLock { $0.results[sequence] = (batch, outputs) }
            resultReady.signal()
        }

        func workerFinished() {
            state.withLock { $0.finishedWorkers += 1 }
            resultReady.signal()
        }

        /// The results of batch `sequence` once converted, or nil when there will be none.
        func result(_ sequence: Int, workers: Int) -> ([Input], [Output])? {
            while true {
                let found = state.withLock { s -> ([Input], [Output])?? in
                    if let result = s.results.removeValue(forKey: sequence) { return .some(result) }
                    return s.finishedWorkers == workers && s.queued.isEmpty ? .some(nil) : .none
                }
                if let found { return found }
                resultReady.wait()
            }
        }

        func consumed() { room.signal() }

        func cancel() {
            state.withLock { $0.isCancelled = true }
            room.signal()
        }
    }
}
