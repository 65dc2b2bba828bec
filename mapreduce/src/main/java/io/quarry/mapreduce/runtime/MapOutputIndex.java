package io.quarry.mapreduce.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The index of a partitioned map output or spill file: the codec of its segments and one
 * {@link IndexEntry} per partition. On disk ({@code file.out.index}), big-endian: magic
 * {@code QMOI}, version 1, the codec name (modified UTF-8), the partition count, then per
 * partition offset, raw length, stored length and CRC32C as longs, and finally the CRC32C of all
 * preceding bytes as an int.
 */
public record MapOutputIndex(String codec, List<IndexEntry> entries) {
    private static final int MAGIC = 0x514D4F49; // "QMOI"
    private static final int VERSION = 1;

    public MapOutputIndex {
        Objects.requireNonNull(codec, "codec");
        entries = List.copyOf(entries);
    }

    public int partitions() {
        return entries.size();
    }

    public IndexEntry entry(int partition) {
        if (partition < 0 || partition >= entries.size()) {
            throw new IllegalArgumentException("partition " + partition + " out of range [0, " + entries.size() + ")");
        }
        return entries.get(partition);
    }

    /** Sum of the raw lengths of all partitions. */
    public long rawLength() {
        return entries.stream().mapToLong(IndexEntry::rawLength).sum();
    }

    public void write(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (var checked = new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), crc);
                var out = new DataOutputStream(checked)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(codec);
            out.writeInt(entries.size());
            for (IndexEntry e : entries) {
                out.writeLong(e.offset());
                out.writeLong(e.rawLength());
                out.writeLong(e.storedLength());
                out.writeLong(e.crc32c());
            }
            out.flush();
            out.writeInt((int) crc.getValue());
        }
    }

    public static MapOutputIndex read(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                var in = new DataInputStream(new CheckedInputStream(raw, crc))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("not a map output index: " + file + " (magic " + Integer.toHexString(magic) + ")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("map output index " + file + " has version " + version + ", expected " + VERSION);
            }
            String codec = in.readUTF();
            int count = in.readInt();
            if (count < 0 || count > 1_000_000) {
                throw new IOException("map output index " + file + " claims " + count + " partitions");
            }
            List<IndexEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(new IndexEntry(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != expected) {
                throw new IOException("checksum mismatch in map output index " + file + " (expected "
                        + Integer.toHexString(expected) + ", got " + Integer.toHexString(stored) + ")");
            }
            return new MapOutputIndex(codec, entries);
        }
    }
}
