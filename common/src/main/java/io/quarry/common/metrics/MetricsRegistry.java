package io.quarry.common.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * The metrics of one daemon, rendered in Prometheus' text format for {@code /metrics}. Names
 * follow Prometheus conventions: {@code quarry_namenode_files_created_total}.
 */
public final class MetricsRegistry {
    private final Map<String, Metric> metrics = new ConcurrentSkipListMap<>();

    private record Metric(String help, String type, LongSupplier value) {
        Metric {
            requireNonNull(help, "help is null");
            requireNonNull(value, "value is null");
        }
    }

    public Counter counter(String name, String help) {
        checkName(name);
        Counter counter = new Counter();
        Metric previous = metrics.putIfAbsent(name, new Metric(help, "counter", counter::get));
        if (previous != null) {
            throw new IllegalArgumentException("Metric " + name + " is registered twice");
        }
        return counter;
    }

    public void gauge(String name, String help, LongSupplier value) {
        checkName(name);
        Metric previous = metrics.putIfAbsent(name, new Metric(help, "gauge", value));
        if (previous != null) {
            throw new IllegalArgumentException("Metric " + name + " is registered twice");
        }
    }

    /** Current value of a metric, or null when no such metric exists. */
    public Long value(String name) {
        Metric metric = metrics.get(name);
        return metric == null ? null : metric.value().getAsLong();
    }

    public String toPrometheusText() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Metric> entry : metrics.entrySet()) {
            Metric metric = entry.getValue();
            out.append("# HELP ").append(entry.getKey()).append(' ').append(escapeHelp(metric.help())).append('\n');
            out.append("# TYPE ").append(entry.getKey()).append(' ').append(metric.type()).append('\n');
            out.append(entry.getKey()).append(' ').append(metric.value().getAsLong()).append('\n');
        }
        return out.toString();
    }

    /** Prometheus' text format escapes backslash and line feed in help text. */
    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void checkName(String name) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("Invalid metric name: " + name);
        }
    }
}
