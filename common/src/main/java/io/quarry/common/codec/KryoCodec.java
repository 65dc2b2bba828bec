package io.quarry.common.codec;

import java.util.Map;
import java.util.ServiceLoader;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;

/**
 * Encodes and decodes registered messages with Kryo. Registration is required, so bytes from the
 * network can only ever become one of the classes the modules registered; never an arbitrary
 * class. Thread-safe: Kryo instances come from a pool.
 */
public final class KryoCodec {
    /** How deeply objects may nest in one message. */
    static final int MAX_DEPTH = 64;
    /** Pooled output buffers that grew beyond this for one large message are shrunk before reuse. */
    static final int MAX_POOLED_BUFFER = 1 << 20;
    private static final int INITIAL_BUFFER = 4096;

    private static volatile KryoCodec shared;

    private final Map<Integer, Class<?>> registrations;
    private final Pool<Kryo> kryos;
    private final Pool<Output> outputs;

    public KryoCodec(MessageRegistry registry) {
        this.registrations = Map.copyOf(registry.registrations());
        this.kryos = new Pool<>(true, false, 64) {
            @Override
            protected Kryo create() {
                return newKryo();
            }
        };
        this.outputs = new Pool<>(true, false, 64) {
            @Override
            protected Output create() {
                return new Output(INITIAL_BUFFER, -1);
            }
        };
        // Fail at construction, not on the first message, if a registration is unusable.
        newKryo();
    }

    /** The codec for every message registered by the modules on the class path. */
    public static KryoCodec shared() {
        KryoCodec codec = shared;
        if (codec == null) {
            synchronized (KryoCodec.class) {
                codec = shared;
                if (codec == null) {
                    MessageRegistry registry = new MessageRegistry();
                    for (MessageRegistrar registrar : ServiceLoader.load(MessageRegistrar.class, KryoCodec.class.getClassLoader())) {
                        registrar.register(registry);
                    }
                    codec = new KryoCodec(registry);
                    shared = codec;
                }
            }
        }
        return codec;
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Messages nest a few levels deep; a frame of nested collections must not overflow the stack.
        kryo.setMaxDepth(MAX_DEPTH);
        BoundedSerializers.registerOn(kryo);
        for (Map.Entry<Integer, Class<?>> entry : registrations.entrySet()) {
            kryo.register(entry.getValue(), entry.getKey());
        }
        return kryo;
    }

    public byte[] encode(Object message) {
        Kryo kryo = kryos.obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            kryo.writeClassAndObject(output, message);
            return output.toBytes();
        } catch (RuntimeException e) {
            throw new CodecException("Cannot encode " + (message == null ? "null" : message.getClass().getName()) + ": " + e.getMessage(), e);
        } finally {
            if (output.getBuffer().length > MAX_POOLED_BUFFER) {
                // Do not keep a large message's buffer alive in the pool (up to 64 of them).
                output.setBuffer(new byte[INITIAL_BUFFER], -1);
            }
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    /** The capacity of the buffers waiting in the pool (for tests). */
    int pooledBufferBytes() {
        Output output = outputs.obtain();
        try {
            return output.getBuffer().length;
        } finally {
            outputs.free(output);
        }
    }

    public Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes one message that must fill the given range exactly. */
    public Object decode(byte[] bytes, int offset, int length) {
        Kryo kryo = kryos.obtain();
        try {
            Input input = new Input(bytes, offset, length);
            Object message = kryo.readClassAndObject(input);
            if (input.position() != offset + length) {
                throw new CodecException("Malformed message: " + (offset + length - input.position())
                        + " trailing bytes after " + (message == null ? "null" : message.getClass().getSimpleName()));
            }
            return message;
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever Kryo or a record constructor throws on bad bytes, callers see one exception type.
            throw new CodecException("Malformed message (" + length + " bytes): " + firstLine(e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            // A single absurd length that slipped past the bounds checks; the allocation failed
            // without consuming memory, so the daemon can carry on.
            throw new CodecException("Malformed message (" + length + " bytes): declared length too large", e);
        } finally {
            kryos.free(kryo);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
