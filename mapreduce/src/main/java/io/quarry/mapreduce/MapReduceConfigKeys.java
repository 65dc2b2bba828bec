package io.quarry.mapreduce;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The job and task runtime keys, with Hadoop's names where the concept is the same. */
public final class MapReduceConfigKeys implements ConfigKeyProvider {
    // What the job is.
    public static final ConfigKey JOB_NAME = ConfigKey.string("mapreduce.job.name", null, "The job's name, shown in listings.");
    public static final ConfigKey JOB_JAR = ConfigKey.string("mapreduce.job.jar", null,
            "The jar holding the job's classes, shipped to the tasks.");
    public static final ConfigKey MAPPER_CLASS = ConfigKey.string("mapreduce.job.map.class", "io.quarry.mapreduce.Mapper",
            "The Mapper class.");
    public static final ConfigKey COMBINER_CLASS = ConfigKey.string("mapreduce.job.combine.class", null,
            "The combiner (a Reducer run on map output before it is spilled); none when unset.");
    public static final ConfigKey REDUCER_CLASS = ConfigKey.string("mapreduce.job.reduce.class", "io.quarry.mapreduce.Reducer",
            "The Reducer class.");
    public static final ConfigKey PARTITIONER_CLASS = ConfigKey.string("mapreduce.job.partitioner.class",
            "io.quarry.mapreduce.HashPartitioner", "The Partitioner class.");
    public static final ConfigKey SORT_COMPARATOR_CLASS = ConfigKey.string("mapreduce.job.output.key.comparator.class", null,
            "RawComparator ordering map output keys; the key type's natural order when unset.");
    public static final ConfigKey GROUPING_COMPARATOR_CLASS = ConfigKey.string("mapreduce.job.output.group.comparator.class", null,
            "RawComparator deciding which sorted keys form one reduce call; the sort comparator when unset.");
    public static final ConfigKey INPUT_FORMAT_CLASS = ConfigKey.string("mapreduce.job.inputformat.class",
            "io.quarry.mapreduce.input.TextInputFormat", "The InputFormat class.");
    public static final ConfigKey OUTPUT_FORMAT_CLASS = ConfigKey.string("mapreduce.job.outputformat.class",
            "io.quarry.mapreduce.output.TextOutputFormat", "The OutputFormat class.");
    public static final ConfigKey MAP_OUTPUT_KEY_CLASS = ConfigKey.string("mapreduce.map.output.key.class", null,
            "Class of map output keys; the job output key class when unset.");
    public static final ConfigKey MAP_OUTPUT_VALUE_CLASS = ConfigKey.string("mapreduce.map.output.value.class", null,
            "Class of map output values; the job output value class when unset.");
    public static final ConfigKey OUTPUT_KEY_CLASS = ConfigKey.string("mapreduce.job.output.key.class",
            "io.quarry.mapreduce.io.Text", "Class of the job's output keys.");
    public static final ConfigKey OUTPUT_VALUE_CLASS = ConfigKey.string("mapreduce.job.output.value.class",
            "io.quarry.mapreduce.io.Text", "Class of the job's output values.");
    public static final ConfigKey NUM_REDUCES = ConfigKey.integer("mapreduce.job.reduces", 1,
            "Reduce tasks; 0 makes a map-only job whose map output is the job output.");
    public static final ConfigKey INPUT_DIRS = ConfigKey.list("mapreduce.input.fileinputformat.inputdir", "",
            "Comma-separated input paths (files, directories or globs).");
    public static final ConfigKey INPUT_RECURSIVE = ConfigKey.bool("mapreduce.input.fileinputformat.input.dir.recursive", false,
            "Read files in subdirectories of input directories too.");
    public static final ConfigKey SPLIT_MINSIZE = ConfigKey.size("mapreduce.input.fileinputformat.split.minsize", "1",
            "Smallest split of a file input.");
    public static final ConfigKey SPLIT_MAXSIZE = ConfigKey.size("mapreduce.input.fileinputformat.split.maxsize", "9223372036854775807",
            "Largest split of a file input; a split is otherwise one block.");
    public static final ConfigKey LOCAL_BLOCK_SIZE = ConfigKey.size("quarry.mapreduce.local.split-size", "32m",
            "Split size for inputs on filesystems without blocks (file://), as Hadoop's local block size.");
    public static final ConfigKey KEY_VALUE_SEPARATOR = ConfigKey.string("mapreduce.input.keyvaluelinerecordreader.key.value.separator",
            "\t", "Separator between key and value in key-value text input.");
    public static final ConfigKey OUTPUT_DIR = ConfigKey.string("mapreduce.output.fileoutputformat.outputdir", null,
            "The job's output directory; it must not exist.");
    public static final ConfigKey TEXT_OUTPUT_SEPARATOR = ConfigKey.string("mapreduce.output.textoutputformat.separator", "\t",
            "Separator between key and value in text output.");
    public static final ConfigKey OUTPUT_COMPRESS_CODEC = ConfigKey.string("mapreduce.output.fileoutputformat.compress.codec",
            "none", "Block compression of record-file output: none, lz4 or zstd.");
    public static final ConfigKey TOTAL_ORDER_PARTITION_FILE = ConfigKey.string("mapreduce.totalorderpartitioner.path", null,
            "Partition file of the TotalOrderPartitioner: the split points between reduce tasks' key ranges.");
    public static final ConfigKey RECORD_FILE_BLOCK_SIZE = ConfigKey.size("quarry.mapreduce.recordfile.block-size", "1m",
            "Raw bytes of records gathered into one (compressed, checksummed) block of record-file output.");

    // How tasks run.
    public static final ConfigKey SORT_MB = ConfigKey.integer("mapreduce.task.io.sort.mb", 100,
            "Memory of a map task's sort buffer, MiB; map output beyond it spills to disk.");
    public static final ConfigKey SPILL_PERCENT = ConfigKey.doubleValue("mapreduce.map.sort.spill.percent", 0.80,
            "Fill level of the sort buffer at which a background spill starts.");
    public static final ConfigKey SORT_FACTOR = ConfigKey.integer("mapreduce.task.io.sort.factor", 64,
            "Most segments merged at once; more are merged in rounds.");
    public static final ConfigKey MAP_OUTPUT_COMPRESS = ConfigKey.bool("mapreduce.map.output.compress", false,
            "Compress map output (spills and shuffle).");
    public static final ConfigKey MAP_OUTPUT_COMPRESS_CODEC = ConfigKey.string("mapreduce.map.output.compress.codec", "lz4",
            "Codec of compressed map output: lz4 or zstd.");
    public static final ConfigKey ZSTD_LEVEL = ConfigKey.integer("io.compression.codec.zstd.level", 3,
            "Zstandard compression level (1 fastest to 22 smallest; negative levels are faster still).");
    public static final ConfigKey COMBINE_TABLE_SIZE = ConfigKey.size("quarry.mapreduce.map.combine-table.size", "16m",
            "Memory of a map task's combining hash table, used in front of the sort buffer when the job has a combiner "
                    + "and byte-ordered keys: records with equal keys are combined before they are sorted. 0 turns it off.");
        public static final ConfigKey SHUFFLE_MEMORY = ConfigKey.size("quarry.mapreduce.reduce.shuffle-memory", "256m",
            "Memory a reduce task holds fetched map output in before merging it to disk.");
    public static final ConfigKey SHUFFLE_PARALLEL_COPIES = ConfigKey.integer("mapreduce.reduce.shuffle.parallelcopies", 5,
            "Map outputs a reduce task fetches at once.");
    public static final ConfigKey LOCAL_DIRS = ConfigKey.list("quarry.mapreduce.local.dirs", "",
            "Directories for spills and map output; the system temporary directory when empty.");

    // Where jobs run.
    public static final ConfigKey JOB_DIR = ConfigKey.string("mapreduce.job.dir", null,
            "A cluster job's staging directory, set by the job client (not by users); the Scheduler removes it once the"
                    + " job's output is committed or cleaned up.");
    public static final ConfigKey FRAMEWORK_NAME = ConfigKey.string("mapreduce.framework.name", "local",
            "Where jobs run: local (in this process) or cluster (the Scheduler).");
    public static final ConfigKey LOCAL_MAP_TASKS = ConfigKey.integer("mapreduce.local.map.tasks.maximum", 0,
            "Map tasks run at once by the in-process runner; the number of cores when 0.");
    public static final ConfigKey LOCAL_REDUCE_TASKS = ConfigKey.integer("mapreduce.local.reduce.tasks.maximum", 0,
            "Reduce tasks run at once by the in-process runner; the number of cores when 0.");
    public static final ConfigKey PROGRESS_INTERVAL = ConfigKey.duration("mapreduce.client.progressmonitor.pollinterval", "200ms",
            ChronoUnit.MILLIS, "How often a waiting client refreshes the job's progress.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(JOB_NAME, JOB_JAR, MAPPER_CLASS, COMBINER_CLASS, REDUCER_CLASS, PARTITIONER_CLASS,
                SORT_COMPARATOR_CLASS, GROUPING_COMPARATOR_CLASS, INPUT_FORMAT_CLASS, OUTPUT_FORMAT_CLASS,
                MAP_OUTPUT_KEY_CLASS, MAP_OUTPUT_VALUE_CLASS, OUTPUT_KEY_CLASS, OUTPUT_VALUE_CLASS, NUM_REDUCES,
                INPUT_DIRS, INPUT_RECURSIVE, SPLIT_MINSIZE, SPLIT_MAXSIZE, LOCAL_BLOCK_SIZE, KEY_VALUE_SEPARATOR,
                OUTPUT_DIR, TEXT_OUTPUT_SEPARATOR, OUTPUT_COMPRESS_CODEC, TOTAL_ORDER_PARTITION_FILE, RECORD_FILE_BLOCK_SIZE,
                SORT_MB, SPILL_PERCENT, SORT_FACTOR, MAP_OUTPUT_COMPRESS, MAP_OUTPUT_COMPRESS_CODEC, COMBINE_TABLE_SIZE, ZSTD_LEVEL, SHUFFLE_MEMORY,
                SHUFFLE_PARALLEL_COPIES, LOCAL_DIRS,
                JOB_DIR, FRAMEWORK_NAME, LOCAL_MAP_TASKS, LOCAL_REDUCE_TASKS, PROGRESS_INTERVAL);
    }

    /** Jobs keep settings of their own (an example's pattern, a join's side table) under {@code quarry.job.}. */
    @Override
    public List<String> keyFamilies() {
        return List.of("quarry.job.");
    }
}
