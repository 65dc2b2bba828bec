package io.quarry.common.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.MapSerializer;

/**
 * Serializers that refuse a length larger than the bytes left in the frame, so a peer cannot make
 * a daemon allocate gigabytes by sending a small frame with a huge element count. Immutable JDK
 * collections ({@code List.of}, {@code Map.of}) decode into equivalent immutable collections.
 */
final class BoundedSerializers {
    private BoundedSerializers() {
    }

    static void checkLength(Input input, long length, String what) {
        long remaining = input.limit() - input.position();
        if (length < 0 || length > remaining) {
            throw new KryoException(what + " length " + length + " exceeds the " + remaining + " bytes left in the frame");
        }
    }

    /** ArrayList, List.of(...) and friends: all decode to an ArrayList or an immutable list. */
    static final class ListSerializer extends CollectionSerializer<Collection<Object>> {
        private final boolean immutable;

        ListSerializer(boolean immutable) {
            this.immutable = immutable;
        }

        @Override
        protected Collection<Object> create(Kryo kryo, Input input, Class<? extends Collection<Object>> type, int size) {
            checkLength(input, size, "List");
            return new ArrayList<>(size);
        }

        @Override
        public Collection<Object> read(Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
            Collection<Object> list = super.read(kryo, input, type);
            return immutable ? List.copyOf(list) : list;
        }
    }

    static final class SetSerializer extends CollectionSerializer<Collection<Object>> {
        private final boolean immutable;

        SetSerializer(boolean immutable) {
            this.immutable = immutable;
        }

        @Override
        protected Collection<Object> create(Kryo kryo, Input input, Class<? extends Collection<Object>> type, int size) {
            checkLength(input, size, "Set");
            return new HashSet<>(Math.max(16, size * 2));
        }

        @Override
        public Collection<Object> read(Kryo kryo, Input input, Class<? extends Collection<Object>> type) {
            Collection<Object> set = super.read(kryo, input, type);
            return immutable ? Set.copyOf(set) : set;
        }
    }

    static final class BoundedMapSerializer extends MapSerializer<Map<Object, Object>> {
        private final boolean immutable;

        BoundedMapSerializer(boolean immutable) {
            this.immutable = immutable;
        }

        @Override
        protected Map<Object, Object> create(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type, int size) {
            checkLength(input, size, "Map");
            return new HashMap<>(Math.max(16, size * 2));
        }

        @Override
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            Map<Object, Object> map = super.read(kryo, input, type);
            return immutable ? Map.copyOf(map) : map;
        }
    }

    @SuppressWarnings("rawtypes")
    static final class ByteArraySerializer extends DefaultArraySerializers.ByteArraySerializer {
        @Override
        public byte[] read(Kryo kryo, Input input, Class type) {
            int length = peekLength(input);
            return length < 0 ? null : input.readBytes(length);
        }
    }

    @SuppressWarnings("rawtypes")
    static final class LongArraySerializer extends DefaultArraySerializers.LongArraySerializer {
        @Override
        public long[] read(Kryo kryo, Input input, Class type) {
            int length = peekLength(input);
            // Kryo writes long[] and int[] elements as variable-length numbers.
            return length < 0 ? null : input.readLongs(length, false);
        }
    }

    @SuppressWarnings("rawtypes")
    static final class IntArraySerializer extends DefaultArraySerializers.IntArraySerializer {
        @Override
        public int[] read(Kryo kryo, Input input, Class type) {
            int length = peekLength(input);
            return length < 0 ? null : input.readInts(length, false);
        }
    }

    /**
     * Strings: Kryo allocates a char array of the declared length before reading a UTF-8 string, so
     * the length is checked first (every char takes at least one byte). ASCII strings carry no
     * length and cannot claim more than the frame holds.
     */
    static final class StringSerializer extends DefaultSerializers.StringSerializer {
        @Override
        public String read(Kryo kryo, Input input, Class<? extends String> type) {
            int start = input.position();
            if (start < input.limit() && (input.getBuffer()[start] & 0x80) != 0) {
                int encoded = input.readVarIntFlag(true);
                if (encoded > 1) {
                    checkLength(input, encoded - 1L, "String");
                }
                input.setPosition(start);
            }
            return input.readString();
        }
    }

    /** Arrays of objects (Object[], String[], and any message array registered without its own serializer). */
    static final class ObjectArraySerializer extends DefaultArraySerializers.ObjectArraySerializer {
        ObjectArraySerializer(Kryo kryo, Class<?> type) {
            super(kryo, type);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Object[] read(Kryo kryo, Input input, Class type) {
            int start = input.position();
            peekLength(input);
            input.setPosition(start);
            return super.read(kryo, input, type);
        }
    }

    /** Kryo writes array lengths as varint length+1, with 0 for null. Returns -1 for null. */
    private static int peekLength(Input input) {
        int encoded = input.readVarInt(true);
        if (encoded == 0) {
            return -1;
        }
        checkLength(input, encoded - 1L, "Array");
        return encoded - 1;
    }

    /** Kryo's own registrations take ids 0-9, these take 20-99, messages start at 100. */
    static void registerOn(Kryo kryo) {
        kryo.register(String.class, new StringSerializer(), 1); // replaces Kryo's own String serializer, same id
        kryo.addDefaultSerializer(Object[].class, new SerializerFactory.BaseSerializerFactory<ObjectArraySerializer>() {
            @Override
            @SuppressWarnings("rawtypes") // the signature Kryo declares
            public ObjectArraySerializer newSerializer(Kryo kryo, Class type) {
                return new ObjectArraySerializer(kryo, type);
            }
        });
        kryo.register(byte[].class, new ByteArraySerializer(), 20);
        kryo.register(long[].class, new LongArraySerializer(), 21);
        kryo.register(int[].class, new IntArraySerializer(), 22);
        kryo.register(ArrayList.class, new ListSerializer(false), 23);
        kryo.register(List.of().getClass(), new ListSerializer(true), 24);
        kryo.register(List.of(1).getClass(), new ListSerializer(true), 25);
        kryo.register(List.of(1, 2, 3).getClass(), new ListSerializer(true), 26);
        kryo.register(HashMap.class, new BoundedMapSerializer(false), 27);
        kryo.register(Map.of().getClass(), new BoundedMapSerializer(true), 28);
        kryo.register(Map.of(1, 1).getClass(), new BoundedMapSerializer(true), 29);
        kryo.register(Map.of(1, 1, 2, 2).getClass(), new BoundedMapSerializer(true), 30);
        kryo.register(HashSet.class, new SetSerializer(false), 31);
        kryo.register(Set.of().getClass(), new SetSerializer(true), 32);
        kryo.register(Set.of(1).getClass(), new SetSerializer(true), 33);
        kryo.register(Set.of(1, 2, 3).getClass(), new SetSerializer(true), 34);
        kryo.register(Object[].class, 35);
        kryo.register(String[].class, 36);
    }
}
