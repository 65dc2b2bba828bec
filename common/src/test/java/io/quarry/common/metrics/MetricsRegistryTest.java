package io.quarry.common.metrics;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class MetricsRegistryTest {
    @Test
    void countersAndGaugesRenderInPrometheusTextFormatSortedByName() {
        MetricsRegistry registry = new MetricsRegistry();
        Counter created = registry.counter("quarry_namenode_files_created_total", "Files created.");
        AtomicLong live = new AtomicLong(3);
        registry.gauge("quarry_namenode_live_datanodes", "DataNodes\nalive.", live::get);
        created.inc();
        created.add(4);

        assertThat(registry.toPrometheusText()).isEqualTo(
                "# HELP quarry_namenode_files_created_total Files created.\n"
                        + "# TYPE quarry_namenode_files_created_total counter\n"
                        + "quarry_namenode_files_created_total 5\n"
                        + "# HELP quarry_namenode_live_datanodes DataNodes\\nalive.\n"
                        + "# TYPE quarry_namenode_live_datanodes gauge\n"
                        + "quarry_namenode_live_datanodes 3\n");
        live.set(7);
        assertThat(registry.value("quarry_namenode_live_datanodes")).isEqualTo(7L);
        assertThat(registry.value("quarry_namenode_files_created_total")).isEqualTo(5L);
        assertThat(registry.value("missing")).isNull();
    }

    @Test
    void helpTextEscapesBackslashes() {
        MetricsRegistry registry = new MetricsRegistry();
        registry.counter("c_total", "path C:\\data");
        assertThat(registry.toPrometheusText()).contains("# HELP c_total path C:\\\\data\n");
    }

    @Test
    void duplicateNamesAreRejected() {
        MetricsRegistry registry = new MetricsRegistry();
        registry.counter("quarry_x_total", "x");
        assertThatThrownBy(() -> registry.counter("quarry_x_total", "again")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarry_x_total");
        assertThatThrownBy(() -> registry.gauge("quarry_x_total", "again", () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidNamesAreRejected() {
        MetricsRegistry registry = new MetricsRegistry();
        for (String bad : new String[] {"", "1abc", "with space", "dash-ed", "dot.ted", "é"}) {
            assertThatThrownBy(() -> registry.counter(bad, "help")).as("name '%s'", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid metric name");
        }
        registry.counter("_ok:name_1", "help");
    }

    @Test
    void missingHelpOrValueIsRejectedAtRegistration() {
        MetricsRegistry registry = new MetricsRegistry();
        assertThatThrownBy(() -> registry.counter("a_total", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> registry.gauge("b", "help", null)).isInstanceOf(NullPointerException.class);
        assertThat(registry.toPrometheusText()).isEmpty();
    }
}
