package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A sorted segment that a merge can read: a range of a local file, or raw bytes in memory. */
abstract class MergeSource {

    /** Raw (decoded) bytes of the segment, which orders merge passes smallest first. */
    abstract long rawLength();

    abstract RawRecordIterator open() throws IOException;

    /** Called once the merge no longer needs the segment (deletes temporary files). */
    void release() throws IOException {
    }

    static MergeSource file(Path file, IndexEntry entry, CompressionCodec codec, boolean deleteOnRelease) {
        return new FileSource(file, entry, codec, deleteOnRelease);
    }

    static MergeSource memory(byte[] raw, int length, String name) {
        return new MemorySource(raw, length, name);
    }

    /** A segment of a local file, decompressed while read. */
    static final class FileSource extends MergeSource {
        private final Path file;
        private final IndexEntry entry;
        private final CompressionCodec codec;
        private final boolean deleteOnRelease;

        FileSource(Path file, IndexEntry entry, CompressionCodec codec, boolean deleteOnRelease) {
            this.file = Objects.requireNonNull(file, "file");
            this.entry = Objects.requireNonNull(entry, "entry");
            this.codec = Objects.requireNonNull(codec, "codec");
            this.deleteOnRelease = deleteOnRelease;
        }

        @Override
        long rawLength() {
            return entry.rawLength();
        }

        @Override
        RawRecordIterator open() throws IOException {
            String name = file + " at offset " + entry.offset();
            InputStream in = new FileRangeInputStream(file, entry.offset(), entry.storedLength());
            if (!codec.name().equals("none")) {
                in = new BlockDecompressingInputStream(in, codec, name);
            }
            int buffer = (int) Math.min(SegmentReader.DEFAULT_BUFFER, Math.max(64, entry.rawLength()));
            return new SegmentReader(in, buffer, name);
        }

        @Override
        void release() throws IOException {
            if (deleteOnRelease) {
                Files.deleteIfExists(file);
            }
        }

        @Override
        public String toString() {
            return file + "@" + entry.offset();
        }
    }

    /** Raw segment bytes held in memory (a fetched map output). */
    static final class MemorySource extends MergeSource {
        private byte[] raw;
        private final int length;
        private final String name;

        MemorySource(byte[] raw, int length, String name) {
            this.raw = Objects.requireNonNull(raw, "raw");
            this.length = length;
            this.name = Objects.requireNonNull(name, "name");
        }

        @Override
        long rawLength() {
            return length;
        }

        @Override
        RawRecordIterator open() {
            return new SegmentReader(raw, 0, length, name);
        }

        @Override
        void release() {
            raw = new byte[0];
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
