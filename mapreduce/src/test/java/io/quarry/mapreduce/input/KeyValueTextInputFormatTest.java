package io.quarry.mapreduce.input;

import static io.quarry.mapreduce.input.FormatTesting.path;
import static io.quarry.mapreduce.input.FormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.input.FormatTesting.Entry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KeyValueTextInputFormatTest {
    @TempDir
    java.nio.file.Path dir;

    private List<Entry> read(String content, Configuration conf) throws IOException {
        write(dir.resolve("kv.txt"), content);
        KeyValueTextInputFormat format = new KeyValueTextInputFormat();
        var attempt = FormatTesting.mapAttempt(conf.with(MapReduceConfigKeys.INPUT_DIRS, path(dir).toString()));
        List<InputSplit> splits = format.splits(attempt);
        assertThat(splits).hasSize(1);
        return FormatTesting.readAll(format.createRecordReader(splits.get(0), attempt));
    }

    @Test
    void splitsEachLineAtTheFirstTab() throws IOException {
        assertThat(read("k1\tv1\nk2\tv2\twith tab\r\n\tonly value\nno separator\n\n", Configuration.empty()))
                .containsExactly(new Entry("k1", "v1"), new Entry("k2", "v2\twith tab"), new Entry("", "only value"),
                        new Entry("no separator", ""), new Entry("", ""));
    }

    @Test
    void usesTheConfiguredSeparator() throws IOException {
        Configuration conf = Configuration.empty().with(MapReduceConfigKeys.KEY_VALUE_SEPARATOR, "::");
        assertThat(read("a::b::c\nd:e\n", conf)).containsExactly(new Entry("a", "b::c"), new Entry("d:e", ""));
    }
}
