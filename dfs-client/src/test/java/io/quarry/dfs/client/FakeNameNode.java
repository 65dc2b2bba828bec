package io.quarry.dfs.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.rpc.RpcServer;
import io.quarry.common.rpc.RpcService;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.ServerDefaults;
import io.quarry.dfs.protocol.client.AbandonBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.GetServerDefaults;
import io.quarry.dfs.protocol.client.RenewLease;
import io.quarry.dfs.protocol.client.ReportBadBlocks;
import io.quarry.dfs.protocol.client.UpdateBlockForPipeline;
import io.quarry.dfs.protocol.client.UpdatePipeline;

/**
 * An in-memory NameNode that knows just enough of the client protocol to drive the write and
 * read paths: files, blocks with their pipelines, generation stamps and bad-block reports.
 */
final class FakeNameNode implements RpcService, AutoCloseable {
    static final class FakeFile {
        final long fileId;
        final short replication;
        final long blockSize;
        final List<LocatedBlock> blocks = new ArrayList<>();
        boolean complete;

        FakeFile(long fileId, short replication, long blockSize) {
            this.fileId = fileId;
            this.replication = replication;
            this.blockSize = blockSize;
        }

        long length() {
            return blocks.stream().mapToLong(b -> b.block().numBytes()).sum();
        }
    }

    final Map<String, FakeFile> files = new ConcurrentHashMap<>();
    final List<DatanodeId> dataNodes = new CopyOnWriteArrayList<>();
    final List<LocatedBlock> badBlocks = new CopyOnWriteArrayList<>();
    final List<UpdatePipeline> pipelineUpdates = new CopyOnWriteArrayList<>();
    final AtomicLong leaseRenewals = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1_073_741_825);
    private final AtomicLong nextStamp = new AtomicLong(1001);
    private final RpcServer server;

    FakeNameNode() throws QuarryException {
        server = RpcServer.start("fake-namenode", new HostAndPort("127.0.0.1", 0), this, Configuration.empty(), Clock.system());
    }

    HostAndPort address() {
        return server.address();
    }

    @Override
    public synchronized CompletionStage<?> handle(CallContext context, Object request) {
        try {
            return CompletableFuture.completedFuture(answer(request));
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private FakeFile file(String path) throws QuarryException {
        FakeFile file = files.get(path);
        if (file == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "File " + path + " does not exist");
        }
        return file;
    }

    private static FileStatusInfo status(String path, FakeFile file) {
        return new FileStatusInfo(path, file.fileId, false, file.length(), file.replication, file.blockSize, 0, 0, "u", "g", (short) 0644);
    }

    private Object answer(Object request) throws QuarryException {
        if (request instanceof Create create) {
            if (files.containsKey(create.path()) && !create.overwrite()) {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, create.path() + " exists");
            }
            FakeFile file = new FakeFile(nextId.getAndIncrement(), create.replication(), create.blockSize());
            files.put(create.path(), file);
            return new FileStatusReply(status(create.path(), file));
        }
        if (request instanceof AddBlock add) {
            FakeFile file = file(add.path());
            commit(file, add.previous());
            List<DatanodeId> targets = new ArrayList<>();
            for (DatanodeId node : dataNodes) {
                if (targets.size() < file.replication && !add.excludedNodes().contains(node.uuid())) {
                    targets.add(node);
                }
            }
            LocatedBlock block = new LocatedBlock(new Block(nextId.getAndIncrement(), nextStamp.getAndIncrement(), 0),
                    file.length(), targets, false);
            file.blocks.add(block);
            return block;
        }
        if (request instanceof AbandonBlock abandon) {
            FakeFile file = file(abandon.path());
            file.blocks.removeIf(b -> b.block().blockId() == abandon.block().blockId());
            return Ack.INSTANCE;
        }
        if (request instanceof Complete complete) {
            FakeFile file = file(complete.path());
            commit(file, complete.last());
            file.complete = true;
            return new CompleteReply(true);
        }
        if (request instanceof UpdateBlockForPipeline update) {
            for (FakeFile file : files.values()) {
                for (LocatedBlock block : file.blocks) {
                    if (block.block().blockId() == update.block().blockId()) {
                        return new LocatedBlock(block.block().withGenerationStamp(nextStamp.getAndIncrement()), block.offset(),
                                block.locations(), false);
                    }
                }
            }
            throw new QuarryException(ErrorCode.BLOCK_NOT_FOUND, "no " + update.block());
        }
        if (request instanceof UpdatePipeline update) {
            pipelineUpdates.add(update);
            for (FakeFile file : files.values()) {
                for (int i = 0; i < file.blocks.size(); i++) {
                    LocatedBlock block = file.blocks.get(i);
                    if (block.block().blockId() == update.newBlock().blockId()) {
                        file.blocks.set(i, new LocatedBlock(block.block().withGenerationStamp(update.newBlock().generationStamp()),
                                block.offset(), update.newNodes(), false));
                    }
                }
            }
            return Ack.INSTANCE;
        }
        if (request instanceof GetBlockLocations get) {
            FakeFile file = file(get.path());
            List<LocatedBlock> overlapping = new ArrayList<>();
            for (LocatedBlock block : file.blocks) {
                long end = block.offset() + block.block().numBytes();
                if (end > get.offset() && block.offset() < get.offset() + get.length()) {
                    overlapping.add(block);
                }
            }
            return new LocatedBlocks(file.length(), !file.complete, overlapping);
        }
        if (request instanceof GetFileInfo info) {
            FakeFile file = files.get(info.path());
            return new FileStatusReply(file == null ? null : status(info.path(), file));
        }
        if (request instanceof ReportBadBlocks report) {
            badBlocks.addAll(report.blocks());
            return Ack.INSTANCE;
        }
        if (request instanceof RenewLease) {
            leaseRenewals.incrementAndGet();
            return Ack.INSTANCE;
        }
        if (request instanceof GetServerDefaults) {
            return new ServerDefaults(128L << 20, (short) 3, 512, 65536);
        }
        throw new QuarryException(ErrorCode.UNKNOWN_REQUEST, "fake NameNode does not serve " + request.getClass().getSimpleName());
    }

    private static void commit(FakeFile file, Block last) {
        if (last == null) {
            return;
        }
        for (int i = 0; i < file.blocks.size(); i++) {
            LocatedBlock block = file.blocks.get(i);
            if (block.block().blockId() == last.blockId()) {
                file.blocks.set(i, new LocatedBlock(last, block.offset(), block.locations(), false));
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
