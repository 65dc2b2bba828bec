package io.quarry.mapreduce.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Serialized map output grouped by key in a hash table: each distinct (partition, key bytes)
 * is an entry holding its key once and a chain of its values, all in one byte arena of fixed
 * size. {@link PreCombiner} decides when entries are combined; this class only stores them.
 * Value node layout in the arena: {@code [next node offset][value length][value bytes]}.
 */
final class CombiningTable {
    static final int NODE_HEADER = 8;
    private static final int NONE = -1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final byte[] arena;
    private int used;
    private int[] slots;
    private int entries;
    private int[] keyStart = new int[1024];
    private int[] keyLength = new int[1024];
    private int[] hashes = new int[1024];
    private int[] partitions = new int[1024];
    private int[] head = new int[1024];
    private int[] tail = new int[1024];
    private int[] counts = new int[1024];

    CombiningTable(int arenaBytes) {
        this.arena = new byte[arenaBytes];
        this.slots = new int[4096];
    }

    byte[] arena() {
        return arena;
    }

    int entryCount() {
        return entries;
    }

    /** Whether a record needing {@code bytes} of arena could ever be held (else it bypasses the table). */
    boolean accepts(int keyBytes, int valueBytes) {
        return (long) keyBytes + valueBytes + NODE_HEADER <= arena.length / 4;
    }

    /** Whether a new record of this size fits now (assuming a new key). */
    boolean hasRoomFor(int keyBytes, int valueBytes) {
        return (long) used + keyBytes + valueBytes + NODE_HEADER <= arena.length;
    }

    /** The entry of (partition, key), created when absent; the caller checked {@link #hasRoomFor}. */
    int entryFor(int partition, byte[] key, int keyLen) {
        int hash = mix(hashBytes(key, keyLen) + partition * 0x9E3779B9);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int occupant = slots[slot] - 1;
            if (occupant < 0) {
                break;
            }
            if (hashes[occupant] == hash && partitions[occupant] == partition && keyLength[occupant] == keyLen
                    && sameBytes(keyStart[occupant], key, keyLen)) {
                return occupant;
            }
            slot = (slot + 1) & mask;
        }
        int entry = newEntry(partition, key, keyLen, hash);
        slots[slot] = entry + 1;
        if (entries * 2 > slots.length) {
            rehash();
        }
        return entry;
    }

    /** Appends a value to an entry's chain; returns the entry's value count. */
    int append(int entry, byte[] value, int valueLen) {
        int node = used;
        writeInt(node, NONE);
        writeInt(node + 4, valueLen);
        System.arraycopy(value, 0, arena, node + NODE_HEADER, valueLen);
        used = node + NODE_HEADER + valueLen;
        if (head[entry] == NONE) {
            head[entry] = node;
        } else {
            writeInt(tail[entry], node);
        }
        tail[entry] = node;
        return ++counts[entry];
    }

    /** Forgets an entry's values (after they were combined); the key stays. */
    void clearValues(int entry) {
        head[entry] = NONE;
        tail[entry] = NONE;
        counts[entry] = 0;
    }

    int partition(int entry) {
        return partitions[entry];
    }

    int keyStart(int entry) {
        return keyStart[entry];
    }

    int keyLength(int entry) {
        return keyLength[entry];
    }

    int valueCount(int entry) {
        return counts[entry];
    }

    /** Offset of an entry's first value node, or -1. */
    int firstNode(int entry) {
        return head[entry];
    }

    int nextNode(int node) {
        return readInt(node);
    }

    int nodeValueLength(int node) {
        return readInt(node + 4);
    }

    /** Empties the table. */
    void clear() {
        used = 0;
        entries = 0;
        Arrays.fill(slots, 0);
    }

    private int newEntry(int partition, byte[] key, int keyLen, int hash) {
        if (entries == keyStart.length) {
            int grown = entries * 2;
            keyStart = Arrays.copyOf(keyStart, grown);
            keyLength = Arrays.copyOf(keyLength, grown);
            hashes = Arrays.copyOf(hashes, grown);
            partitions = Arrays.copyOf(partitions, grown);
            head = Arrays.copyOf(head, grown);
            tail = Arrays.copyOf(tail, grown);
            counts = Arrays.copyOf(counts, grown);
        }
        int entry = entries++;
        System.arraycopy(key, 0, arena, used, keyLen);
        keyStart[entry] = used;
        keyLength[entry] = keyLen;
        used += keyLen;
        hashes[entry] = hash;
        partitions[entry] = partition;
        head[entry] = NONE;
        tail[entry] = NONE;
        counts[entry] = 0;
        return entry;
    }

    /** Word-sized keys compare faster in a plain loop than through the vectorized mismatch. */
    private boolean sameBytes(int start, byte[] key, int length) {
        if (length > 16) {
            return Arrays.equals(arena, start, start + length, key, 0, length);
        }
        for (int i = 0; i < length; i++) {
            if (arena[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int entry = 0; entry < entries; entry++) {
            int slot = hashes[entry] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = entry + 1;
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

    private void writeInt(int offset, int value) {
        INT.set(arena, offset, value);
    }

    private int readInt(int offset) {
        return (int) INT.get(arena, offset);
    }
}
