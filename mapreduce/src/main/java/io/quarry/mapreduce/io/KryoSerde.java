package io.quarry.mapreduce.io;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.util.Objects;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Any other class through Kryo. The top-level class is known from the job, so it is not written;
 * classes met inside values are written by name (user types need no registration, nor a
 * no-argument constructor). Not ordered:
 * a key class serialized this way sorts through {@code compareTo} after deserializing, or
 * through a sort comparator the job sets.
 */
public final class KryoSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final Kryo kryo = new Kryo();
    private final Output output = new Output(256, -1);
    private final Input input = new Input();

    public KryoSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        // Classes without a no-argument constructor are created without running one.
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.setClassLoader(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : type.getClassLoader());
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public void write(T value, OutputBuffer out) {
        output.reset();
        kryo.writeObject(output, value);
        out.write(output.getBuffer(), 0, output.position());
    }

    @Override
    public T read(byte[] bytes, int offset, int length, T reuse) {
        input.setBuffer(bytes, offset, length);
        return kryo.readObject(input, type);
    }
}
