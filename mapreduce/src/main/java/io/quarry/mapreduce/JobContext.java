package io.quarry.mapreduce;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.output.OutputFormat;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;

/**
 * A submitted job as its tasks and formats see it: the id and the configuration, with typed
 * access to what the driver set. Classes are loaded through {@link #classLoader()} (the job
 * jar's loader on a worker).
 */
public class JobContext {
    private final JobId jobId;
    private final Configuration conf;
    private final ClassLoader classLoader;

    public JobContext(JobId jobId, Configuration conf, ClassLoader classLoader) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.conf = Objects.requireNonNull(conf, "conf");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    public JobId jobId() {
        return jobId;
    }

    public Configuration configuration() {
        return conf;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    public String jobName() {
        String name = conf.getString(MapReduceConfigKeys.JOB_NAME);
        return name == null ? "" : name;
    }

    public int numReduceTasks() {
        return conf.getInt(MapReduceConfigKeys.NUM_REDUCES);
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends Mapper> mapperClass() {
        return classOf(MapReduceConfigKeys.MAPPER_CLASS, Mapper.class);
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends Reducer> reducerClass() {
        return classOf(MapReduceConfigKeys.REDUCER_CLASS, Reducer.class);
    }

    /** The combiner, or null when the job has none. */
    @SuppressWarnings("rawtypes")
    public Class<? extends Reducer> combinerClass() {
        return conf.getString(MapReduceConfigKeys.COMBINER_CLASS) == null ? null
                : classOf(MapReduceConfigKeys.COMBINER_CLASS, Reducer.class);
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends Partitioner> partitionerClass() {
        return classOf(MapReduceConfigKeys.PARTITIONER_CLASS, Partitioner.class);
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends InputFormat> inputFormatClass() {
        return classOf(MapReduceConfigKeys.INPUT_FORMAT_CLASS, InputFormat.class);
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends OutputFormat> outputFormatClass() {
        return classOf(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, OutputFormat.class);
    }

    public Class<?> outputKeyClass() {
        return classOf(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Object.class);
    }

    public Class<?> outputValueClass() {
        return classOf(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, Object.class);
    }

    public Class<?> mapOutputKeyClass() {
        return conf.getString(MapReduceConfigKeys.MAP_OUTPUT_KEY_CLASS) == null ? outputKeyClass()
                : classOf(MapReduceConfigKeys.MAP_OUTPUT_KEY_CLASS, Object.class);
    }

    public Class<?> mapOutputValueClass() {
        return conf.getString(MapReduceConfigKeys.MAP_OUTPUT_VALUE_CLASS) == null ? outputValueClass()
                : classOf(MapReduceConfigKeys.MAP_OUTPUT_VALUE_CLASS, Object.class);
    }

    /** The job's input paths, as set (they may be globs). */
    public List<Path> inputPaths() {
        return conf.getList(MapReduceConfigKeys.INPUT_DIRS).stream().filter(s -> !s.isBlank()).map(Path::new).toList();
    }

    /** The output directory, or null when the output format does not write files. */
    public Path outputPath() {
        String out = conf.getString(MapReduceConfigKeys.OUTPUT_DIR);
        return out == null || out.isBlank() ? null : new Path(out);
    }

    /**
     * The order of map output keys: the configured comparator, else the bytes when the key's
     * encoding preserves order, else the key's {@code compareTo} after deserializing.
     */
    public RawComparator sortComparator() {
        if (conf.getString(MapReduceConfigKeys.SORT_COMPARATOR_CLASS) != null) {
            return newInstance(classOf(MapReduceConfigKeys.SORT_COMPARATOR_CLASS, RawComparator.class));
        }
        Class<?> keyClass = mapOutputKeyClass();
        Serde<?> serde = Serdes.forClass(keyClass);
        if (serde.bytesOrdered()) {
            return ByteOrderComparator.INSTANCE;
        }
        if (Comparable.class.isAssignableFrom(keyClass)) {
            return deserializingComparator(keyClass);
        }
        throw new IllegalArgumentException("map output key class " + keyClass.getName()
                + " has no order: make it Comparable or set " + MapReduceConfigKeys.SORT_COMPARATOR_CLASS.name());
    }

    private static <T> RawComparator deserializingComparator(Class<T> keyClass) {
        return new DeserializingComparator<>(Serdes.forClass(keyClass), Serdes.forClass(keyClass));
    }

    /** Which sorted keys form one reduce call: the configured grouping comparator, else the sort comparator. */
    public RawComparator groupingComparator() {
        if (conf.getString(MapReduceConfigKeys.GROUPING_COMPARATOR_CLASS) != null) {
            return newInstance(classOf(MapReduceConfigKeys.GROUPING_COMPARATOR_CLASS, RawComparator.class));
        }
        return sortComparator();
    }

    /** Loads the class named by {@code key}, checking it is a {@code expected}. */
    public <T> Class<? extends T> classOf(ConfigKey key, Class<T> expected) {
        String name = conf.getString(key);
        if (name == null) {
            throw new IllegalArgumentException("no class configured for " + key.name());
        }
        return loadClass(name, expected, key.name());
    }

    /** Loads the class {@code name}, checking it is a {@code expected}; {@code setting} names it in errors. */
    public <T> Class<? extends T> loadClass(String name, Class<T> expected, String setting) {
        try {
            Class<?> loaded = Class.forName(name, true, classLoader);
            if (!expected.isAssignableFrom(loaded)) {
                throw new IllegalArgumentException(setting + " = " + name + " is not a " + expected.getName());
            }
            return loaded.asSubclass(expected);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(setting + " = " + name + ": class not found (is it in the job jar?)", e);
        }
    }

    /**
     * Creates an instance through the public no-argument constructor and, for {@link Configurable}
     * classes, hands it the configuration.
     */
    public <T> T newInstance(Class<T> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            T instance = constructor.newInstance();
            if (instance instanceof Configurable configurable) {
                configurable.configure(conf);
            }
            return instance;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
    }
}
