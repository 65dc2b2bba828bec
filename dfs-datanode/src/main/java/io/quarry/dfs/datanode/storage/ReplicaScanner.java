package io.quarry.dfs.datanode.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.protocol.ReplicaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** Finds the replicas on one data directory at start: pairs of {@code blk_<id>} and {@code blk_<id>_<gs>.meta}. */
final class ReplicaScanner {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaScanner.class);
    private static final Pattern META = Pattern.compile("blk_(-?\\d+)_(\\d+)\\.meta");

    private final StorageDirectory volume;

    ReplicaScanner(StorageDirectory volume) {
        this.volume = requireNonNull(volume, "volume is null");
    }

    List<Replica> scan() throws IOException {
        List<Replica> found = new ArrayList<>();
        scan(volume.finalizedDir(), ReplicaState.FINALIZED, found);
        scan(volume.rbwDir(), ReplicaState.RBW, found);
        return found;
    }

    private void scan(Path dir, ReplicaState state, List<Replica> found) throws IOException {
        List<Path> metas;
        try (Stream<Path> files = Files.walk(dir)) {
            metas = files.filter(path -> META.matcher(path.getFileName().toString()).matches()).toList();
        }
        for (Path meta : metas) {
            Matcher matcher = META.matcher(meta.getFileName().toString());
            if (!matcher.matches()) {
                continue;
            }
            long blockId = Long.parseLong(matcher.group(1));
            long stamp = Long.parseLong(matcher.group(2));
            Path blockFile = meta.resolveSibling(Replica.blockFileName(blockId));
            if (!Files.exists(blockFile)) {
                LOG.warn("Checksum file {} has no block file; ignoring it", meta);
                continue;
            }
            int bytesPerChecksum;
            try (FileChannel channel = FileChannel.open(meta, StandardOpenOption.READ)) {
                bytesPerChecksum = MetaFile.readHeader(channel, meta);
            } catch (IOException e) {
                LOG.warn("Ignoring replica blk_{}: {}", blockId, e.getMessage());
                continue;
            }
            Replica replica = new Replica(blockId, stamp, state, Files.size(blockFile), volume, bytesPerChecksum);
            if (!replica.blockFile().equals(blockFile)) {
                LOG.warn("Replica file {} is not where blk_{} belongs ({}); ignoring it", blockFile, blockId, replica.blockFile());
                continue;
            }
            found.add(replica);
        }
    }
}
