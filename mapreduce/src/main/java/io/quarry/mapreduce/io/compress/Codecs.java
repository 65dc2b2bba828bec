package io.quarry.mapreduce.io.compress;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.util.Locale;

/** The codecs by name. */
public final class Codecs {
    public static final CompressionCodec NONE = new CompressionCodec() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public int maxCompressedLength(int rawLength) {
            return rawLength;
        }

        @Override
        public int compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset) {
            System.arraycopy(src, srcOffset, dst, dstOffset, srcLength);
            return srcLength;
        }

        @Override
        public void decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int rawLength) {
            if (srcLength != rawLength) {
                throw new CorruptDataException("uncompressed block of " + srcLength + " bytes, expected " + rawLength, null);
            }
            System.arraycopy(src, srcOffset, dst, dstOffset, rawLength);
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    private Codecs() {
    }

    /** The codec called {@code name} (case-insensitive), zstd at its default level. */
    public static CompressionCodec byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none", "" -> NONE;
            case "lz4" -> Lz4Codec.instance();
            case "zstd" -> ZstdCodec.defaultLevel();
            default -> throw new IllegalArgumentException("unknown compression codec '" + name + "' (known: none, lz4, zstd)");
        };
    }

    /** The codec called {@code name}, zstd at the level {@code conf} sets ({@code io.compression.codec.zstd.level}). */
    public static CompressionCodec byName(String name, Configuration conf) {
        CompressionCodec codec = byName(name);
        if (codec instanceof ZstdCodec) {
            return ZstdCodec.atLevel(conf.getInt(MapReduceConfigKeys.ZSTD_LEVEL));
        }
        return codec;
    }
}
