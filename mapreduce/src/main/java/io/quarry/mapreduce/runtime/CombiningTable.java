package io.quarry.mapreduce.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Serialized map output grouped by key in a hash table: each distinct (partition, key bytes)
 * is an entry holding its key once and a chain of its values. {@link PreCombiner} decides when
 * entries are combined; this class only stores them.
 *
 * <p>The layout keeps lookups in cache: keys live in their own arena (a few hundred KiB for a
 * vocabulary), each entry's metadata is one 32-byte stride of an int array, and each slot of the
 * open-addressing table holds the key's hash beside the entry number, so a probe touches the key
 * bytes only when the hashes match. Values go to a second arena as nodes
 * {@code [next node offset][value length][value bytes]}.
 */
final class CombiningTable {
    static final int NODE_HEADER = 8;
    private static final int NONE = -1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    // Entry metadata, STRIDE ints per entry.
    private static final int STRIDE = 8;
    private static final int KEY_START = 0;
    private static final int KEY_LENGTH = 1;
    private static final int PARTITION = 2;
    private static final int HEAD = 3;
    private static final int TAIL = 4;
    private static final int COUNT = 5;

    private final byte[] values;
    private final int keyBudget;
    private byte[] keys = new byte[64 * 1024];
    private int keysUsed;
    private int valuesUsed;
    private long[] slots = new long[4096];
    private int[] meta = new int[1024 * STRIDE];
    private int entries;

    /** A table of about {@code bytes} in all: a quarter for keys, the rest for values. */
    CombiningTable(int bytes) {
        this.keyBudget = Math.max(1024, bytes / 4);
        this.values = new byte[Math.max(1024, bytes - keyBudget)];
    }

    int entryCount() {
        return entries;
    }

    /** Whether a record of this size could ever be held (else it bypasses the table). */
    boolean accepts(int keyBytes, int valueBytes) {
        return keyBytes <= keyBudget / 4 && (long) valueBytes + NODE_HEADER <= values.length / 4;
    }

    /** Whether a new record of this size fits now, assuming its key is new. */
    boolean hasRoomFor(int keyBytes, int valueBytes) {
        return keysUsed + keyBytes <= keyBudget && (long) valuesUsed + valueBytes + NODE_HEADER <= values.length;
    }

    /** The entry of (partition, key), created when absent; the caller checked {@link #hasRoomFor}. */
    int entryFor(int partition, byte[] key, int keyLen) {
        int hash = mix(hashBytes(key, keyLen) + partition * 0x9E3779B9);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            long occupant = slots[slot];
            if (occupant == 0) {
                break;
            }
            if ((int) (occupant >>> 32) == hash) {
                int entry = (int) occupant - 1;
                int base = entry * STRIDE;
                if (meta[base + KEY_LENGTH] == keyLen && meta[base + PARTITION] == partition
                        && sameBytes(meta[base + KEY_START], key, keyLen)) {
                    return entry;
                }
            }
            slot = (slot + 1) & mask;
        }
        int entry = newEntry(partition, key, keyLen);
        slots[slot] = ((long) hash << 32) | (entry + 1L);
        if (entries * 2 > slots.length) {
            rehash();
        }
        return entry;
    }

    /** Appends a value to an entry's chain; returns the entry's value count. */
    int append(int entry, byte[] value, int valueLen) {
        int node = valuesUsed;
        INT.set(values, node, NONE);
        INT.set(values, node + 4, valueLen);
        System.arraycopy(value, 0, values, node + NODE_HEADER, valueLen);
        valuesUsed = node + NODE_HEADER + valueLen;
        int base = entry * STRIDE;
        if (meta[base + HEAD] == NONE) {
            meta[base + HEAD] = node;
        } else {
            INT.set(values, meta[base + TAIL], node);
        }
        meta[base + TAIL] = node;
        return ++meta[base + COUNT];
    }

    /** Forgets an entry's values (after they were combined); the key stays. */
    void clearValues(int entry) {
        int base = entry * STRIDE;
        meta[base + HEAD] = NONE;
        meta[base + TAIL] = NONE;
        meta[base + COUNT] = 0;
    }

    int partition(int entry) {
        return meta[entry * STRIDE + PARTITION];
    }

    /** The array holding the keys; an entry's key is at {@link #keyStart}. */
    byte[] keys() {
        return keys;
    }

    int keyStart(int entry) {
        return meta[entry * STRIDE + KEY_START];
    }

    int keyLength(int entry) {
        return meta[entry * STRIDE + KEY_LENGTH];
    }

    int valueCount(int entry) {
        return meta[entry * STRIDE + COUNT];
    }

    /** The array holding the value nodes. */
    byte[] values() {
        return values;
    }

    /** Offset of an entry's first value node, or -1. */
    int firstNode(int entry) {
        return meta[entry * STRIDE + HEAD];
    }

    int nextNode(int node) {
        return (int) INT.get(values, node);
    }

    int nodeValueLength(int node) {
        return (int) INT.get(values, node + 4);
    }

    /** Empties the table. */
    void clear() {
        keysUsed = 0;
        valuesUsed = 0;
        entries = 0;
        Arrays.fill(slots, 0L);
    }

    private int newEntry(int partition, byte[] key, int keyLen) {
        if ((entries + 1) * STRIDE > meta.length) {
            meta = Arrays.copyOf(meta, meta.length * 2);
        }
        if (keysUsed + keyLen > keys.length) {
            keys = Arrays.copyOf(keys, Math.min(keyBudget, Math.max(keys.length * 2, keysUsed + keyLen)));
        }
        int entry = entries++;
        System.arraycopy(key, 0, keys, keysUsed, keyLen);
        int base = entry * STRIDE;
        meta[base + KEY_START] = keysUsed;
        meta[base + KEY_LENGTH] = keyLen;
        meta[base + PARTITION] = partition;
        meta[base + HEAD] = NONE;
        meta[base + TAIL] = NONE;
        meta[base + COUNT] = 0;
        keysUsed += keyLen;
        return entry;
    }

    /** Word-sized keys compare faster in a plain loop than through the vectorized mismatch. */
    private boolean sameBytes(int start, byte[] key, int length) {
        if (length > 16) {
            return Arrays.equals(keys, start, start + length, key, 0, length);
        }
        for (int i = 0; i < length; i++) {
            if (keys[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        long[] grown = new long[slots.length * 2];
        int mask = grown.length - 1;
        for (long occupant : slots) {
            if (occupant != 0) {
                int slot = (int) (occupant >>> 32) & mask;
                while (grown[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                grown[slot] = occupant;
            }
        }
        slots = grown;
    }

    private static int hashBytes(byte[] bytes, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** Spreads the bits so linear probing stays short (the finalizer of MurmurHash3). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
