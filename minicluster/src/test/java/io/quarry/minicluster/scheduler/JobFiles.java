package io.quarry.minicluster.scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/** Job input and output on a cluster's filesystem, for the end-to-end tests. */
final class JobFiles {
    private static final String[] WORDS = {"quarry", "block", "map", "reduce", "shuffle", "worker", "rack", "node",
            "split", "spill", "merge", "sort", "locality", "heartbeat", "attempt", "replica", "lease", "journal"};

    private JobFiles() {
    }

    /** Writes about {@code bytes} of lines of words (some made up, so counts vary) and returns the file's size. */
    static long writeWords(FileSystem fs, Path file, Random random, int bytes) throws IOException {
        StringBuilder text = new StringBuilder(bytes + 100);
        while (text.length() < bytes) {
            int words = 1 + random.nextInt(12);
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                if (random.nextInt(10) == 0) {
                    text.append('w').append(random.nextInt(2000));
                } else {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                }
            }
            text.append('\n');
        }
        byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = fs.create(file, true)) {
            out.write(data);
        }
        return data.length;
    }

    /** The part files of a job's output directory by name, with their bytes. */
    static Map<String, byte[]> parts(FileSystem fs, Path dir) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        for (FileStatus status : fs.listStatus(dir)) {
            if (status.path().name().startsWith("part-")) {
                parts.put(status.path().name(), read(fs, status.path()));
            }
        }
        return parts;
    }

    /** Every entry of the output directory, by name (to see leftovers of duplicate attempts). */
    static java.util.List<String> names(FileSystem fs, Path dir) throws IOException {
        return fs.listStatus(dir).stream().map(status -> status.path().name()).sorted().toList();
    }

    static byte[] read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }

    /** All part files concatenated in name order, as text. */
    static String text(FileSystem fs, Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (byte[] part : parts(fs, dir).values()) {
            text.append(new String(part, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
