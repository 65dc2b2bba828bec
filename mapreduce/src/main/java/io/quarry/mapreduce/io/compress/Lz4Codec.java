package io.quarry.mapreduce.io.compress;

import java.util.Objects;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 block compression: the library's fastest implementation (native when it loads) of the fast
 * compressor. Decompression goes through the bounds-checked decoder with the output limited to the
 * expected raw length: it is as fast as the unchecked "fast" decoder on real data, and damaged
 * input can neither read past its source range nor write past {@code rawLength}.
 */
public final class Lz4Codec implements CompressionCodec {
    /** LZ4's largest input block (LZ4_MAX_INPUT_SIZE). */
    private static final int LZ4_MAX_INPUT = 0x7E000000;
    private static final Lz4Codec INSTANCE = new Lz4Codec(LZ4Factory.fastestInstance());

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;

    Lz4Codec(LZ4Factory factory) {
        Objects.requireNonNull(factory, "factory is null");
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
    }

    /** The shared instance (codecs are stateless). */
    public static Lz4Codec instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public int maxCompressedLength(int rawLength) {
        if (rawLength < 0 || rawLength > LZ4_MAX_INPUT) {
            throw new IllegalArgumentException("lz4 cannot compress a block of " + rawLength + " bytes (at most " + LZ4_MAX_INPUT + ")");
        }
        return compressor.maxCompressedLength(rawLength);
    }

    @Override
    public int compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(srcOffset, srcLength, src.length);
        Objects.checkFromIndexSize(dstOffset, 0, dst.length);
        int room = dst.length - dstOffset;
        try {
            return compressor.compress(src, srcOffset, srcLength, dst, dstOffset, room);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("lz4 output of " + srcLength + " bytes does not fit in " + room
                    + " bytes (allow maxCompressedLength = " + maxCompressedLength(srcLength) + ")", e);
        }
    }

    @Override
    public void decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int rawLength) {
        Objects.checkFromIndexSize(srcOffset, srcLength, src.length);
        Objects.checkFromIndexSize(dstOffset, rawLength, dst.length);
        int produced;
        try {
            produced = decompressor.decompress(src, srcOffset, srcLength, dst, dstOffset, rawLength);
        } catch (LZ4Exception | IndexOutOfBoundsException e) {
            // The caller's ranges were checked above, so an index error means the data is damaged.
            throw new CorruptDataException("lz4 block of " + srcLength + " bytes does not decompress to "
                    + rawLength + " bytes: " + e.getMessage(), e);
        }
        if (produced != rawLength) {
            throw new CorruptDataException("lz4 block of " + srcLength + " bytes decompressed to " + produced
                    + " bytes, expected " + rawLength, null);
        }
    }

    @Override
    public String toString() {
        return "lz4(" + compressor + ", " + decompressor + ")";
    }
}
