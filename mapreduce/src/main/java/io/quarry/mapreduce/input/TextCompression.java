package io.quarry.mapreduce.input;

import com.github.luben.zstd.ZstdInputStream;
import io.quarry.dfs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Compressed text input, recognised by the file name as Hadoop does: {@code .gz} (several
 * concatenated members too) and {@code .zst} are read through a decompressor, whole, in one split;
 * other compressed suffixes are refused with a clear error.
 */
enum TextCompression {
    GZIP(".gz") {
        @Override
        InputStream decompress(InputStream raw) throws IOException {
            return new GZIPInputStream(raw, 64 * 1024);
        }
    },
    ZSTD(".zst") {
        @Override
        InputStream decompress(InputStream raw) throws IOException {
            return new ZstdInputStream(raw);
        }
    };

    private static final List<String> UNSUPPORTED = List.of(".bz2", ".lz4", ".deflate", ".snappy", ".xz");

    private final String suffix;

    TextCompression(String suffix) {
        this.suffix = suffix;
    }

    abstract InputStream decompress(InputStream raw) throws IOException;

    /** The compression of {@code file} by its name, or null for plain text. */
    static TextCompression of(Path file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        for (TextCompression compression : values()) {
            if (name.endsWith(compression.suffix)) {
                return compression;
            }
        }
        return null;
    }

    /** Whether the name says the file is compressed (readable or not): such files are not split. */
    static boolean isCompressed(Path file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        return of(file) != null || UNSUPPORTED.stream().anyMatch(name::endsWith);
    }

    /** Fails for compressed files no decompressor here reads. */
    static void checkReadable(Path file) throws IOException {
        if (isCompressed(file) && of(file) == null) {
            throw new IOException("Cannot read " + file + ": this compression is not supported for text input "
                    + "(supported: .gz, .zst); decompress it first");
        }
    }
}
