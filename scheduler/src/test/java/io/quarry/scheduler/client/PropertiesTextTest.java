package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PropertiesTextTest {
    @Test
    void awkwardKeysAndValuesReadBackUnchanged() throws IOException {
        Map<String, String> values = Map.of(
                "quarry.job.pattern", "^(\\S+) \"([^\"]*)\" = #1: x",
                "key with spaces=and:colons", " leading space, tab\there",
                "quarry.job.multi", "line one\nline two\r\n",
                "quarry.job.unicode", "grüße \u2603",
                "#comment-like", "!bang",
                "quarry.job.empty", "");
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(PropertiesText.escape(key, true)).append('=')
                .append(PropertiesText.escape(value, false)).append('\n'));

        Properties read = new Properties();
        read.load(new StringReader(text.toString()));

        assertThat(read).containsExactlyInAnyOrderEntriesOf(values);
    }
}
