package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

import io.quarry.mapreduce.runtime.IndexEntry;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.MapOutputIndex;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The disk side of serving a request, run on the server's disk threads: finds the attempt's
 * output, reads its index, and opens the data file after checking it holds the partition.
 */
final class PartitionOpener {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionOpener.class);

    /** The answer to one request: a header and, for success, the open data file and the range to send. */
    record Opened(ShuffleHeader header, FileChannel file, long offset) {
        Opened {
            requireNonNull(header, "header is null");
            if (header.isOk() != (file != null)) {
                throw new IllegalArgumentException("a file goes with a success header and only with it");
            }
        }

        static Opened error(ShuffleStatus status, String message) {
            return new Opened(ShuffleHeader.error(status, message), null, 0);
        }
    }

    private final String serverName;
    private final MapOutputRegistry registry;

    PartitionOpener(String serverName, MapOutputRegistry registry) {
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    Opened open(ShuffleRequest request) {
        MapOutput output = registry.get(request.mapAttempt());
        if (output == null) {
            return Opened.error(ShuffleStatus.UNKNOWN_ATTEMPT, serverName + " holds no output of " + request.mapAttempt()
                    + " (asked for partition " + request.partition() + ")");
        }
        MapOutputIndex index;
        try {
            index = MapOutputIndex.read(output.indexFile());
        } catch (IOException e) {
            return unreadable(request, "cannot read its index " + output.indexFile() + ": " + describe(e));
        }
        if (request.partition() >= index.partitions()) {
            return Opened.error(ShuffleStatus.BAD_PARTITION, serverName + ": " + request.mapAttempt() + " has "
                    + index.partitions() + " partitions, asked for partition " + request.partition());
        }
        IndexEntry entry = index.entry(request.partition());
        FileChannel file = null;
        try {
            file = FileChannel.open(output.dataFile(), StandardOpenOption.READ);
            long size = file.size();
            if (entry.offset() + entry.storedLength() > size) {
                file.close();
                return unreadable(request, "its index puts the partition at [" + entry.offset() + ", "
                        + (entry.offset() + entry.storedLength()) + ") but " + output.dataFile() + " has " + size + " bytes");
            }
        } catch (IOException e) {
            closeQuietly(file);
            return unreadable(request, "cannot open " + output.dataFile() + ": " + describe(e));
        }
        return new Opened(ShuffleHeader.ok(entry.rawLength(), entry.storedLength(), index.codec()), file, entry.offset());
    }

    private Opened unreadable(ShuffleRequest request, String problem) {
        String message = serverName + " cannot serve partition " + request.partition() + " of " + request.mapAttempt() + ": "
                + problem;
        LOG.warn("{}", message);
        return Opened.error(ShuffleStatus.OUTPUT_UNREADABLE, message);
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage() != null ? e.getMessage() : e.toString();
    }

    static void closeQuietly(FileChannel file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("closing a map output file failed", e);
            }
        }
    }
}
