package io.quarry.dfs.client;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;

/**
 * An in-memory DataNode speaking the transfer protocol: it stores replicas in byte arrays,
 * forwards pipeline writes downstream, acks, serves reads, and can be killed, told to fail after
 * some packets, or made to serve a corrupt byte.
 */
final class FakeDataNode implements AutoCloseable {
    static final class Replica {
        long stamp;
        byte[] bytes = new byte[0];
        int length;
        boolean finalized;

        synchronized void write(long offset, ByteBuf data) {
            int end = Math.toIntExact(offset + data.readableBytes());
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
            }
            data.getBytes(data.readerIndex(), bytes, (int) offset, data.readableBytes());
            length = Math.max(length, end);
        }

        synchronized byte[] content() {
            return Arrays.copyOf(bytes, length);
        }
    }

    final Map<Long, Replica> replicas = new ConcurrentHashMap<>();
    final List<TransferStatus> readStatuses = new CopyOnWriteArrayList<>();
    final AtomicLong packetsReceived = new AtomicLong();
    volatile long killAfterPackets = Long.MAX_VALUE;
    volatile long corruptOffset = -1;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final DatanodeId id;

    FakeDataNode(String host) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast(TransferFrames.frameDecoder(), new TransferFrameDecoder(), new Handler());
                    }
                }).bind(host, 0).syncUninterruptibly().channel();
        channels.add(server);
        id = new DatanodeId(UUID.randomUUID().toString(), host, ((InetSocketAddress) server.localAddress()).getPort(), 0);
    }

    DatanodeId id() {
        return id;
    }

    /** Closes every connection and the listening socket at once, as a crash would. */
    void kill() {
        channels.close().awaitUninterruptibly();
    }

    @Override
    public void close() {
        kill();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private WriteBlockOp write;
        private Replica replica;
        private Channel downstream;
        private boolean downstreamDead;
        private final ArrayDeque<long[]> pending = new ArrayDeque<>();
        private ChannelHandlerContext ctx;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            this.ctx = ctx;
            if (message instanceof TransferOp op && op.message() instanceof WriteBlockOp writeOp) {
                startWrite(writeOp);
            } else if (message instanceof TransferOp op && op.message() instanceof ReadBlockOp read) {
                serveRead(read);
            } else if (message instanceof TransferOp op && op.message() instanceof ClientReadStatus status) {
                readStatuses.add(status.status());
                ctx.close();
            } else if (message instanceof Packet packet) {
                try {
                    onPacket(packet);
                } finally {
                    packet.release();
                }
            } else {
                ReferenceCountUtil.release(message);
                ctx.close();
            }
        }

        private void startWrite(WriteBlockOp op) {
            write = op;
            replica = replicas.computeIfAbsent(op.block().blockId(), k -> new Replica());
            replica.stamp = op.block().generationStamp();
            if (op.downstream().isEmpty()) {
                reply(OpResponse.success());
                return;
            }
            DatanodeId next = op.downstream().get(0);
            new Bootstrap().group(ctx.channel().eventLoop()).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(TransferFrames.frameDecoder(), new TransferFrameDecoder(), new Downstream());
                        }
                    }).connect(next.host(), next.dataPort()).addListener((ChannelFutureListener) future -> {
                        if (!future.isSuccess()) {
                            reply(new OpResponse(TransferStatus.ERROR, "cannot reach " + next, next.toString()));
                            return;
                        }
                        downstream = future.channel();
                        channels.add(downstream);
                        downstream.writeAndFlush(TransferFrames.encodeOp(downstream.alloc(), new WriteBlockOp(op.block(),
                                op.previousGenerationStamp(), op.clientName(), op.downstream().subList(1, op.downstream().size()),
                                op.stage(), op.bytesPerChecksum(), op.syncOnClose())));
                    });
        }

        private void reply(OpResponse response) {
            ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), response));
        }

        private void onPacket(Packet packet) {
            if (packetsReceived.incrementAndGet() > killAfterPackets) {
                kill();
                return;
            }
            TransferStatus local = ChunkChecksums.firstMismatch(packet.data(), packet.checksums(), write.bytesPerChecksum()) < 0
                    ? TransferStatus.SUCCESS : TransferStatus.ERROR_CHECKSUM;
            replica.write(packet.offsetInBlock(), packet.data());
            if (packet.isLast()) {
                replica.finalized = true;
            }
            if (downstream == null) {
                sendAck(packet.seqno(), List.of(local), packet.isLast());
                return;
            }
            pending.add(new long[] {packet.seqno(), local.ordinal(), packet.isLast() ? 1 : 0});
            if (downstreamDead) {
                flushDeadDownstream();
            } else {
                downstream.writeAndFlush(Unpooled.wrappedBuffer(Unpooled.buffer(4).writeInt(packet.frame().writerIndex()),
                        packet.frame().retainedDuplicate().readerIndex(0)));
            }
        }

        private void sendAck(long seqno, List<TransferStatus> statuses, boolean last) {
            var future = ctx.writeAndFlush(TransferFrames.encodeAck(ctx.alloc(), new PipelineAck(seqno, statuses)));
            if (last || !statuses.stream().allMatch(s -> s == TransferStatus.SUCCESS)) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void flushDeadDownstream() {
            while (!pending.isEmpty()) {
                long[] entry = pending.poll();
                sendAck(entry[0], List.of(TransferStatus.values()[(int) entry[1]], TransferStatus.ERROR), true);
            }
        }

        private final class Downstream extends ChannelInboundHandlerAdapter {
            @Override
            public void channelRead(ChannelHandlerContext downCtx, Object message) {
                if (message instanceof TransferOp op && op.message() instanceof OpResponse response) {
                    if (response.status() == TransferStatus.SUCCESS) {
                        reply(response);
                    } else {
                        reply(new OpResponse(response.status(), response.message(),
                                response.firstBadLink().isEmpty() ? write.downstream().get(0).toString() : response.firstBadLink()));
                    }
                } else if (message instanceof PipelineAck ack) {
                    long[] entry = pending.poll();
                    if (entry == null) {
                        return;
                    }
                    List<TransferStatus> statuses = new ArrayList<>();
                    statuses.add(TransferStatus.values()[(int) entry[1]]);
                    statuses.addAll(ack.statuses());
                    sendAck(entry[0], statuses, entry[2] == 1);
                } else {
                    ReferenceCountUtil.release(message);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext downCtx) {
                downstreamDead = true;
                if (write != null && ctx.channel().isActive()) {
                    flushDeadDownstream();
                }
            }
        }

        private void serveRead(ReadBlockOp op) {
            Replica found = replicas.get(op.block().blockId());
            if (found == null) {
                reply0(new ReadBlockResponse(TransferStatus.ERROR_NOT_FOUND, "no replica", 0, 0, 0));
                ctx.close();
                return;
            }
            byte[] content = found.content();
            long start = op.offset() - op.offset() % 512;
            long end = Math.min(content.length, op.offset() + op.length());
            reply0(new ReadBlockResponse(TransferStatus.SUCCESS, "", 512, start, content.length));
            long seqno = 0;
            for (long position = start; position < end; position += 65536) {
                int length = (int) Math.min(65536, end - position);
                ByteBuf data = Unpooled.wrappedBuffer(content, (int) position, length);
                ByteBuf checksums = Unpooled.buffer(ChunkChecksums.checksumLength(length, 512));
                ChunkChecksums.compute(data, 512, checksums);
                if (corruptOffset >= position && corruptOffset < position + length) {
                    byte[] copy = Arrays.copyOfRange(content, (int) position, (int) position + length);
                    copy[(int) (corruptOffset - position)] ^= 1;
                    data = Unpooled.wrappedBuffer(copy);
                }
                ctx.write(TransferFrames.encodePacket(ctx.alloc(), seqno++, position, 0, checksums, data));
            }
            ctx.writeAndFlush(TransferFrames.encodePacket(ctx.alloc(), seqno, end, Packet.FLAG_LAST, Unpooled.EMPTY_BUFFER,
                    Unpooled.EMPTY_BUFFER));
        }

        private void reply0(Object response) {
            ctx.write(TransferFrames.encodeOp(ctx.alloc(), response));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (downstream != null) {
                downstream.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
