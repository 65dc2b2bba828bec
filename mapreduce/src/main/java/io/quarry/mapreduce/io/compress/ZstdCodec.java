package io.quarry.mapreduce.io.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zstandard block compression at a fixed level. Each call borrows a native compression or
 * decompression context from a small pool, so steady-state calls allocate nothing and contexts
 * are not rebuilt per block. Frames carry their content size and no checksum: the block framing
 * around them ({@link BlockCompressedOutputStream}) checksums what is stored.
 */
public final class ZstdCodec implements CompressionCodec {
    /** The level used when none is configured: zstd's own default, a good speed/ratio balance. */
    public static final int DEFAULT_LEVEL = 3;

    private static final class DefaultHolder {
        static final ZstdCodec INSTANCE = new ZstdCodec(DEFAULT_LEVEL);
    }

    private static final ConcurrentHashMap<Integer, ZstdCodec> BY_LEVEL = new ConcurrentHashMap<>();

    private final int level;
    private final ContextPool<ZstdCompressCtx> compressors;
    private final ContextPool<ZstdDecompressCtx> decompressors;

    /**
     * A codec with its own context pools. Native contexts are freed only when a pool is full, not
     * when the codec is collected, so long-lived code should share instances: {@link #atLevel}.
     */
    public ZstdCodec(int level) {
        if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("zstd level " + level + " is out of range (allowed " + Zstd.minCompressionLevel()
                    + " to " + Zstd.maxCompressionLevel() + "; 0 means zstd's default)");
        }
        this.level = level;
        this.compressors = new ContextPool<>(() -> new ZstdCompressCtx().setLevel(level).setChecksum(false).setContentSize(true));
        this.decompressors = new ContextPool<>(ZstdDecompressCtx::new);
    }

    /** The shared instance at {@link #DEFAULT_LEVEL}. */
    public static ZstdCodec defaultLevel() {
        return DefaultHolder.INSTANCE;
    }

    /** The shared instance for {@code level}. */
    public static ZstdCodec atLevel(int level) {
        return level == DEFAULT_LEVEL ? defaultLevel() : BY_LEVEL.computeIfAbsent(level, ZstdCodec::new);
    }

    public int level() {
        return level;
    }

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public int maxCompressedLength(int rawLength) {
        if (rawLength < 0) {
            throw new IllegalArgumentException("negative block length " + rawLength);
        }
        // ZSTD_COMPRESSBOUND from zstd.h.
        long bound = rawLength + (rawLength >>> 8) + (rawLength < (128 << 10) ? ((128 << 10) - rawLength) >>> 11 : 0);
        if (bound > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("zstd cannot compress a block of " + rawLength + " bytes into one array");
        }
        return (int) bound;
    }

    @Override
    public int compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset) {
        Objects.checkFromIndexSize(srcOffset, srcLength, src.length);
        Objects.checkFromIndexSize(dstOffset, 0, dst.length);
        int room = dst.length - dstOffset;
        ZstdCompressCtx ctx = compressors.borrow();
        boolean healthy = false;
        try {
            int written = ctx.compressByteArray(dst, dstOffset, room, src, srcOffset, srcLength);
            healthy = true;
            return written;
        } catch (ZstdException e) {
            throw new IllegalArgumentException("zstd output of " + srcLength + " bytes does not fit in " + room
                    + " bytes (allow maxCompressedLength = " + maxCompressedLength(srcLength) + "): " + e.getMessage(), e);
        } finally {
            compressors.release(ctx, healthy);
        }
    }

    @Override
    public void decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int rawLength) {
        Objects.checkFromIndexSize(srcOffset, srcLength, src.length);
        Objects.checkFromIndexSize(dstOffset, rawLength, dst.length);
        ZstdDecompressCtx ctx = decompressors.borrow();
        boolean healthy = false;
        int produced;
        try {
            produced = ctx.decompressByteArray(dst, dstOffset, rawLength, src, srcOffset, srcLength);
            healthy = true;
        } catch (ZstdException e) {
            throw new CorruptDataException("zstd block of " + srcLength + " bytes does not decompress to "
                    + rawLength + " bytes: " + e.getMessage(), e);
        } finally {
            decompressors.release(ctx, healthy);
        }
        if (produced != rawLength) {
            throw new CorruptDataException("zstd block of " + srcLength + " bytes decompressed to " + produced
                    + " bytes, expected " + rawLength, null);
        }
    }

    @Override
    public String toString() {
        return "zstd(level " + level + ")";
    }
}
