package io.quarry.mapreduce.io.compress;

import java.util.Random;

/** Seeded test inputs: text-like bytes that compress well and random bytes that do not. */
final class TestData {
    private static final String[] WORDS = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "quarry",
            "block", "map", "reduce", "\n", "é", "日本"};

    private TestData() {
    }

    static byte[] compressible(Random random, int length) {
        byte[] out = new byte[length];
        int pos = 0;
        while (pos < length) {
            byte[] word = (WORDS[random.nextInt(WORDS.length)] + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int n = Math.min(word.length, length - pos);
            System.arraycopy(word, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    static byte[] incompressible(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
