package io.quarry.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.Configuration;

/** Pins the names and defaults of the keys that let clients and DataNodes follow an HA NameNode pair. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HaClientKeysTest {
    @Test
    void failoverKeysHaveTheirDocumentedNamesAndDefaults() {
        Configuration empty = Configuration.empty();
        assertThat(DfsConfigKeys.CLIENT_FAILOVER_TIMEOUT.name()).isEqualTo("quarry.client.failover.timeout");
        assertThat(empty.getDuration(DfsConfigKeys.CLIENT_FAILOVER_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DfsConfigKeys.CLIENT_FAILOVER_CALL_TIMEOUT.name()).isEqualTo("quarry.client.failover.call-timeout");
        assertThat(empty.getDuration(DfsConfigKeys.CLIENT_FAILOVER_CALL_TIMEOUT)).isEqualTo(Duration.ofSeconds(15));
        assertThat(DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX.name()).isEqualTo("dfs.client.failover.sleep.max.millis");
        assertThat(empty.getDuration(DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(empty.with("dfs.client.failover.sleep.max.millis", "250").getDuration(DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX))
                .as("bare numbers are milliseconds, as in Hadoop").isEqualTo(Duration.ofMillis(250));
        assertThat(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES.name()).isEqualTo("dfs.namenode.ha.rpc-addresses");
        assertThat(empty.isSet(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES)).isFalse();
        assertThat(new DfsConfigKeys().keys()).contains(DfsConfigKeys.CLIENT_FAILOVER_TIMEOUT, DfsConfigKeys.CLIENT_FAILOVER_CALL_TIMEOUT,
                DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX, DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES);
    }
}
