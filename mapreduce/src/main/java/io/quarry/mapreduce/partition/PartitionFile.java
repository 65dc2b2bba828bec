package io.quarry.mapreduce.partition;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Reads and writes a partition file: the sorted, serialized split points between the key ranges
 * of consecutive reduce tasks.
 *
 * <pre>
 * magic "QPRT" | version:int8 (1) | count:int32 | count x (length:int32 | key bytes) | crc32c:int32
 * </pre>
 *
 * Integers are big-endian; the CRC32C covers every byte before it.
 */
public final class PartitionFile {
    private static final byte[] MAGIC = {'Q', 'P', 'R', 'T'};
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = MAGIC.length + 1 + 4;

    private PartitionFile() {
    }

    /** Writes {@code splitPoints} (serialized keys, already sorted) to {@code path}, replacing it. */
    public static void write(Path path, Configuration conf, List<byte[]> splitPoints) throws IOException {
        FileSystem fs = FileSystem.get(path, conf);
        try (OutputStream out = fs.create(path, true)) {
            write(out, splitPoints);
        }
    }

    /** Writes the file's bytes to {@code out} (left open). */
    public static void write(OutputStream out, List<byte[]> splitPoints) throws IOException {
        CRC32C crc = new CRC32C();
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(out, crc)));
        data.write(MAGIC);
        data.writeByte(VERSION);
        data.writeInt(splitPoints.size());
        for (byte[] key : splitPoints) {
            data.writeInt(key.length);
            data.write(key);
        }
        data.flush();
        int checksum = (int) crc.getValue();
        out.write(new byte[] {(byte) (checksum >>> 24), (byte) (checksum >>> 16), (byte) (checksum >>> 8), (byte) checksum});
        out.flush();
    }

    /** The split points stored at {@code path}. */
    public static List<byte[]> read(Path path, Configuration conf) throws IOException {
        FileSystem fs = FileSystem.get(path, conf);
        try (InputStream in = fs.open(path)) {
            return read(in, path.toString());
        }
    }

    /** Parses a partition file from {@code in}; {@code source} names it in errors. */
    public static List<byte[]> read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length < HEADER_LENGTH + 4) {
            throw new IOException("partition file " + source + " is truncated: " + bytes.length + " bytes, a header needs "
                    + (HEADER_LENGTH + 4));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (byte b : MAGIC) {
            if (buffer.get() != b) {
                throw new IOException("not a partition file: " + source + " (it does not start with \"QPRT\")");
            }
        }
        int version = buffer.get();
        if (version != VERSION) {
            throw new IOException("partition file " + source + " has version " + version + ", expected " + VERSION);
        }
        int bodyEnd = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bodyEnd);
        int expected = ByteBuffer.wrap(bytes, bodyEnd, 4).getInt();
        if ((int) crc.getValue() != expected) {
            throw new IOException("checksum mismatch in partition file " + source + " (expected " + Integer.toHexString(expected)
                    + ", got " + Integer.toHexString((int) crc.getValue()) + ")");
        }
        int count = buffer.getInt();
        if (count < 0 || count > (bodyEnd - HEADER_LENGTH) / 4) {
            throw new IOException("partition file " + source + " claims " + count + " split points in " + bytes.length + " bytes");
        }
        List<byte[]> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = buffer.position();
            int length = at + 4 <= bodyEnd ? buffer.getInt() : -1;
            if (length < 0 || length > bodyEnd - buffer.position()) {
                throw new IOException("partition file " + source + " is damaged at offset " + at + ": split point " + i
                        + " of " + count + " runs past the end");
            }
            byte[] key = new byte[length];
            buffer.get(key);
            keys.add(key);
        }
        if (buffer.position() != bodyEnd) {
            throw new IOException("partition file " + source + " has " + (bodyEnd - buffer.position())
                    + " unexpected bytes after its " + count + " split points");
        }
        return keys;
    }
}
