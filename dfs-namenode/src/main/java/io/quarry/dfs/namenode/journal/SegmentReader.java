package io.quarry.dfs.namenode.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.CodecException;
import io.quarry.common.codec.KryoCodec;

/**
 * Reads one journal segment. A damaged stretch at the very end of the newest segment is a write
 * torn by a crash: it is truncated with a warning. Damage followed by intact entries is real
 * corruption and fails startup, naming the file and offset.
 */
final class SegmentReader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);

    private final KryoCodec codec;

    SegmentReader(KryoCodec codec) {
        this.codec = codec;
    }

    /** Returns the last txid read, or {@code previousTxid} when the segment held nothing new. */
    long read(Path file, boolean newest, long previousTxid, long afterTxid, Journal.EntryConsumer consumer) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int offset = 0;
        long lastTxid = previousTxid;
        while (offset < data.length) {
            if (onlyZerosFrom(data, offset)) {
                break; // space the writer preallocated and never used
            }
            EntryFraming.Frame frame = EntryFraming.read(data, offset, data.length);
            if (frame.problem() != EntryFraming.Problem.NONE) {
                if (newest && !intactEntriesFollow(data, frame)) {
                    truncate(file, offset, data.length, frame.problem());
                    return lastTxid;
                }
                throw new IOException("Journal segment " + file + " is corrupt at offset " + offset + " ("
                        + frame.problem() + ", " + frame.payloadLength() + " byte entry) and intact entries follow it");
            }
            long txid = ByteBuffer.wrap(data, frame.payloadOffset(), 8).getLong();
            if (lastTxid >= 0 && txid != lastTxid + 1) {
                throw new IOException("Journal segment " + file + " at offset " + offset + ": txid " + txid
                        + " does not follow " + lastTxid);
            }
            if (txid > afterTxid) {
                JournalRecord record;
                try {
                    record = (JournalRecord) codec.decode(data, frame.payloadOffset() + 8, frame.payloadLength() - 8);
                } catch (CodecException | ClassCastException e) {
                    throw new IOException("Journal segment " + file + " at offset " + offset + ": cannot decode txid "
                            + txid + ": " + e.getMessage(), e);
                }
                consumer.accept(txid, record);
            }
            lastTxid = txid;
            offset = frame.end();
        }
        return lastTxid;
    }

    private static boolean onlyZerosFrom(byte[] data, int offset) {
        for (int i = offset; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether, skipping the damaged frame by its length, the rest of the file parses into whole entries. */
    private static boolean intactEntriesFollow(byte[] data, EntryFraming.Frame bad) {
        if (bad.problem() != EntryFraming.Problem.BAD_CHECKSUM) {
            return false;
        }
        int offset = bad.end();
        if (offset >= data.length) {
            return false;
        }
        while (offset < data.length) {
            EntryFraming.Frame next = EntryFraming.read(data, offset, data.length);
            if (next.problem() != EntryFraming.Problem.NONE) {
                return false;
            }
            offset = next.end();
        }
        return true;
    }

    private static void truncate(Path file, int offset, int size, EntryFraming.Problem problem) throws IOException {
        LOG.warn("Journal segment {} has a torn tail at offset {} ({}): truncating {} bytes", file, offset, problem, size - offset);
        if (offset == 0) {
            Files.delete(file);
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.force(true);
        }
    }
}
