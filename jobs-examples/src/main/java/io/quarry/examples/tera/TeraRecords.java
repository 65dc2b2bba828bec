package io.quarry.examples.tera;

import java.util.zip.CRC32;

/**
 * The TeraSort record layout, as Hadoop's: 100 bytes, the first 10 the key and the other 90 the
 * value: 2 bytes {@code 00 11}, the row number as 32 upper-case hex digits, {@code 88 99 AA BB},
 * 48 filler bytes (12 runs of 4 equal hex digits), {@code CC DD EE FF}.
 */
public final class TeraRecords {
    public static final int RECORD_LENGTH = 100;
    public static final int KEY_LENGTH = 10;
    public static final int VALUE_LENGTH = RECORD_LENGTH - KEY_LENGTH;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TeraRecords() {
    }

    /** Writes row {@code row} into {@code out[offset, offset + 100)}; the same bytes for the same row, always. */
    public static void generate(long row, byte[] out, int offset) {
        long high = mix(row * 2);
        long low = mix(row * 2 + 1);
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (high >>> (56 - 8 * i));
        }
        out[offset + 8] = (byte) (low >>> 56);
        out[offset + 9] = (byte) (low >>> 48);
        int p = offset + KEY_LENGTH;
        out[p++] = 0x00;
        out[p++] = 0x11;
        for (int i = 0; i < 16; i++) {
            out[p++] = '0'; // the high half of the 128-bit row number
        }
        for (int i = 15; i >= 0; i--) {
            out[p++] = HEX[(int) (row >>> (4 * i)) & 0xF];
        }
        out[p++] = (byte) 0x88;
        out[p++] = (byte) 0x99;
        out[p++] = (byte) 0xAA;
        out[p++] = (byte) 0xBB;
        for (int run = 0; run < 12; run++) {
            byte digit = HEX[(int) (low >>> (4 * run)) & 0xF];
            for (int i = 0; i < 4; i++) {
                out[p++] = digit;
            }
        }
        out[p++] = (byte) 0xCC;
        out[p++] = (byte) 0xDD;
        out[p++] = (byte) 0xEE;
        out[p] = (byte) 0xFF;
    }

    /** The order-independent checksum of a row: its CRC32, summed over all rows. */
    public static long checksum(CRC32 crc, byte[] key, int keyOffset, byte[] value, int valueOffset) {
        crc.reset();
        crc.update(key, keyOffset, KEY_LENGTH);
        crc.update(value, valueOffset, VALUE_LENGTH);
        return crc.getValue();
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit function of {@code x}. */
    static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
