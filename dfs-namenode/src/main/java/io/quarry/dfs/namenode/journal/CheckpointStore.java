package io.quarry.dfs.namenode.journal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;

/**
 * Checkpoint images: a header, the inodes (parents first) and a footer, each entry CRC32C-framed.
 * Written to a temporary file, synced, then renamed to {@code checkpoint_<txid>}.
 */
public final class CheckpointStore implements ImageStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path dir;
    private final KryoCodec codec;
    private final String clusterId;

    public CheckpointStore(Path dir, KryoCodec codec, String clusterId) {
        this.dir = requireNonNull(dir, "dir is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
    }

    /** A loaded image. */
    public record Image(Records.CheckpointHeader header, List<Records.InodeImage> inodes) {
    }

    @Override
    public void write(Records.CheckpointHeader header, List<Records.InodeImage> inodes) throws IOException {
        long lastTxid = header.lastTxid();
        if (Files.exists(dir.resolve(SegmentFiles.checkpointName(lastTxid)))) {
            return; // nothing changed since that checkpoint
        }
        Path tmp = dir.resolve(SegmentFiles.checkpointName(lastTxid) + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            buffer = put(channel, buffer, header);
            for (Records.InodeImage inode : inodes) {
                buffer = put(channel, buffer, inode);
            }
            buffer = put(channel, buffer, new Records.CheckpointFooter(inodes.size(), lastTxid));
            flush(channel, buffer);
            channel.force(true);
        }
        Files.move(tmp, dir.resolve(SegmentFiles.checkpointName(lastTxid)), StandardCopyOption.ATOMIC_MOVE);
    }

    private ByteBuffer put(FileChannel channel, ByteBuffer buffer, Object entry) throws IOException {
        byte[] payload = codec.encode(entry);
        int needed = EntryFraming.HEADER + payload.length;
        if (buffer.remaining() < needed) {
            flush(channel, buffer);
            if (buffer.capacity() < needed) {
                buffer = ByteBuffer.allocate(needed);
            }
        }
        EntryFraming.write(buffer, payload);
        return buffer;
    }

    private static void flush(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The newest checkpoint that reads back whole, or null when there is none. Deletes images a crash left half-written. */
    @Override
    public Image loadNewest() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(SegmentFiles.CHECKPOINT_PREFIX) && name.endsWith(".tmp")) {
                    LOG.info("Deleting unfinished checkpoint {}", file);
                    Files.deleteIfExists(file);
                }
            }
        }
        List<SegmentFiles.Numbered> checkpoints = SegmentFiles.list(dir, SegmentFiles.CHECKPOINT_PREFIX);
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            Path file = checkpoints.get(i).file();
            try {
                return read(file);
            } catch (IOException e) {
                LOG.warn("Checkpoint {} is unusable ({}); trying an older one", file, e.getMessage());
            }
        }
        return null;
    }

    private Image read(Path file) throws IOException {
        return decode(codec, clusterId, Files.readAllBytes(file), file.toString());
    }

    /** The image as one byte array, in the same framing as a checkpoint file (for images kept elsewhere than in files). */
    public static byte[] encode(KryoCodec codec, Records.CheckpointHeader header, List<Records.InodeImage> inodes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        frame(out, codec.encode(header));
        for (Records.InodeImage inode : inodes) {
            frame(out, codec.encode(inode));
        }
        frame(out, codec.encode(new Records.CheckpointFooter(inodes.size(), header.lastTxid())));
        return out.toByteArray();
    }

    private static void frame(java.io.ByteArrayOutputStream out, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(EntryFraming.HEADER + payload.length);
        EntryFraming.write(buffer, payload);
        out.write(buffer.array(), 0, buffer.position());
    }

    /** Reads an image written by {@link #encode} or {@link #write}; {@code source} names it in errors. */
    public static Image decode(KryoCodec codec, String clusterId, byte[] data, String source) throws IOException {
        int offset = 0;
        Records.CheckpointHeader header = null;
        List<Records.InodeImage> inodes = new ArrayList<>();
        while (offset < data.length) {
            EntryFraming.Frame frame = EntryFraming.read(data, offset, data.length);
            if (frame.problem() != EntryFraming.Problem.NONE) {
                throw new IOException(source + " is corrupt at offset " + offset + " (" + frame.problem() + ")");
            }
            Object entry;
            try {
                entry = codec.decode(data, frame.payloadOffset(), frame.payloadLength());
            } catch (RuntimeException e) {
                throw new IOException(source + ": cannot decode entry at offset " + offset + ": " + e.getMessage(), e);
            }
            if (entry instanceof Records.CheckpointHeader h) {
                header = h;
            } else if (entry instanceof Records.InodeImage inode) {
                inodes.add(inode);
            } else if (entry instanceof Records.CheckpointFooter footer) {
                if (header == null || footer.inodeCount() != inodes.size() || footer.lastTxid() != header.lastTxid()) {
                    throw new IOException(source + ": footer does not match the header or the inode count");
                }
                if (!clusterId.equals(header.clusterId())) {
                    throw new IOException(source + " belongs to cluster " + header.clusterId() + ", expected " + clusterId);
                }
                return new Image(header, inodes);
            }
            offset = frame.end();
        }
        throw new IOException(source + " ends without a footer (truncated)");
    }

    /** Keeps the newest {@code retained} checkpoints; returns the txid of the oldest one kept, or -1. */
    @Override
    public long pruneKeeping(int retained) throws IOException {
        List<SegmentFiles.Numbered> checkpoints = SegmentFiles.list(dir, SegmentFiles.CHECKPOINT_PREFIX);
        int excess = checkpoints.size() - Math.max(1, retained);
        for (int i = 0; i < excess; i++) {
            Files.deleteIfExists(checkpoints.get(i).file());
            LOG.info("Deleted old checkpoint {}", checkpoints.get(i).file().getFileName());
        }
        return checkpoints.isEmpty() ? -1 : checkpoints.get(Math.max(0, excess)).number();
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
