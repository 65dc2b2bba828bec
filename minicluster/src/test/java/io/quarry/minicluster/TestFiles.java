package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/** Writing and reading whole test files. */
final class TestFiles {
    private TestFiles() {
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Writes in writes of varying size (1 byte to 10 KiB) so packet and block edges fall mid-write. */
    static void write(FileSystem fs, Path path, byte[] bytes, Random random) throws IOException {
        try (OutputStream out = fs.create(path, true)) {
            int offset = 0;
            while (offset < bytes.length) {
                int n = Math.min(bytes.length - offset, 1 + random.nextInt(10_240));
                if (n == 1) {
                    out.write(bytes[offset]);
                } else {
                    out.write(bytes, offset, n);
                }
                offset += n;
            }
        }
    }

    static byte[] read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[7919];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    static void assertContent(FileSystem fs, Path path, byte[] expected) throws IOException {
        byte[] actual = read(fs, path);
        assertThat(actual.length).as("length of %s", path).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                throw new AssertionError("Byte " + i + " of " + path + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }
}
