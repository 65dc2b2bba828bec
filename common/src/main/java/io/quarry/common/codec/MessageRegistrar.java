package io.quarry.common.codec;

/**
 * Registers the message classes one module sends over the wire, each with a fixed id. Listed in
 * {@code META-INF/services/io.quarry.common.codec.MessageRegistrar}. Ids are part of the wire
 * format: never renumber or reuse one. Ranges: common 100-189 (190-199 are reserved for common's test
 * messages, registered only from its test-jar), dfs 200-999, mapreduce 1000-1999, scheduler 2000-2999,
 * sql 3000-3999. A class may have only one id.
 */
public interface MessageRegistrar {
    void register(MessageRegistry registry);
}
