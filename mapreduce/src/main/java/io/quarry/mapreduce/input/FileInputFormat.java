package io.quarry.mapreduce.input;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input read from files: expands the job's input paths (files, directories, globs; see
 * {@link InputFiles}) and cuts each file into splits of about a block (see {@link SplitPlanner}),
 * largest first. On {@code file:} paths, which have no real blocks,
 * {@code quarry.mapreduce.local.split-size} stands in for the block size. Every file gives at
 * least one split; an empty file gives one empty split.
 */
public abstract class FileInputFormat<K, V> implements InputFormat<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(FileInputFormat.class);

    @Override
    public List<InputSplit> splits(JobContext job) throws IOException {
        Configuration conf = job.configuration();
        List<Path> inputs = job.inputPaths();
        if (inputs.isEmpty()) {
            throw new IOException("No input paths specified in job (set " + MapReduceConfigKeys.INPUT_DIRS.name() + ")");
        }
        boolean recursive = conf.getBoolean(MapReduceConfigKeys.INPUT_RECURSIVE);
        SplitPlanner planner = new SplitPlanner(conf.getSize(MapReduceConfigKeys.SPLIT_MINSIZE),
                conf.getSize(MapReduceConfigKeys.SPLIT_MAXSIZE));
        List<FileSplit> splits = new ArrayList<>();
        int fileCount = 0;
        for (Path input : inputs) {
            try (FileSystem fs = FileSystem.get(input, conf)) {
                for (FileStatus file : InputFiles.expand(fs, input, recursive)) {
                    fileCount++;
                    splits.addAll(planner.plan(file.path(), file.length(), blockSize(fs, file, conf),
                            isSplitable(job, file.path()), fs.getFileBlockLocations(file.path(), 0, file.length())));
                }
            }
        }
        splits.sort(Comparator.comparingLong(FileSplit::length).reversed());
        LOG.info("Total input files to process: {}, splits: {}", fileCount, splits.size());
        return List.copyOf(splits);
    }

    /** Whether a file may be cut into several splits; false for formats that must read a file whole. */
    protected boolean isSplitable(JobContext job, Path file) {
        return true;
    }

    private static long blockSize(FileSystem fs, FileStatus file, Configuration conf) {
        String scheme = file.path().scheme() != null ? file.path().scheme() : fs.uri().getScheme();
        if ("file".equals(scheme.toLowerCase(Locale.ROOT)) || file.blockSize() <= 0) {
            return conf.getSize(MapReduceConfigKeys.LOCAL_BLOCK_SIZE);
        }
        return file.blockSize();
    }

    /** The split as a {@link FileSplit}, or an error naming what this format was given instead. */
    protected static FileSplit fileSplit(InputSplit split) {
        if (split instanceof FileSplit fileSplit) {
            return fileSplit;
        }
        throw new IllegalArgumentException("file input formats read FileSplits, got " + split.getClass().getName() + ": " + split);
    }
}
