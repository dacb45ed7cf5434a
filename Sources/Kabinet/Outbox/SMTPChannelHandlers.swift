import Foundation
import NIOCore
import NIOPosix
import NIOSSL

// The NIO side of the SMTP client: splitting the stream into lines and matching replies to commands.

/// One complete (possibly multi-line) server reply.
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]
}

/// A command to write (nil for "just wait", as for the greeting) plus the promise for its reply.
struct SMTPRequest: Sendable {
    var payload: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
}

/// Splits the byte stream into lines on LF, dropping the CR; bounded so a rogue server cannot exhaust memory.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 16_384 { throw SMTPError.malformedReply("line longer than 16 KiB") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Joins "250-..." continuation lines into replies and hands each to the oldest waiting request.
/// Lives on the channel's event loop only; every pending promise is completed on close, error or timeout.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = String
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var lines: [String] = []
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<(promise: EventLoopPromise<SMTPReply>, timer: Scheduled<Void>)>()
    private var failure: (any Error)?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure); promise?.fail(failure); return
        }
        if let reply = unclaimed.popFirst() {
            request.reply.succeed(reply)
        } else {
            let timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
                self?.failAll(SMTPError.timeout)
                context.close(promise: nil)
            }
            waiters.append((request.reply, timer))
        }
        if let payload = request.payload {
            context.write(wrapOutboundOut(payload), promise: promise)
        } else {
            promise?.succeed()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ (0x30...0x39).contains($0) }),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
              let code = Int(String(decoding: bytes[0..<3], as: UTF8.self))
        else {
            failAll(SMTPError.malformedReply(line)); context.close(promise: nil); return
        }
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return }  // "250-" means more follows
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        if let waiter = waiters.popFirst() {
            waiter.timer.cancel(); waiter.promise.succeed(reply)
        } else {
            unclaimed.append(reply)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failAll(SMTPError.connectionClosed)
    }

    private func failAll(_ error: any Error) {
        if failure == nil { failure = error }
        while let waiter = waiters.popFirst() {
            waiter.timer.cancel(); waiter.promise.fail(error)
        }
    }
}
