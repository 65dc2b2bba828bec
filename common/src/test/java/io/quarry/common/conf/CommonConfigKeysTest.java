package io.quarry.common.conf;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the defaults and key names of {@link CommonConfigKeys}: changing one is a user-visible change. */
@Timeout(10)
class CommonConfigKeysTest {
    @Test
    void defaults() {
        Configuration conf = Configuration.empty();
        assertThat(conf.getSize(CommonConfigKeys.RPC_MAX_FRAME_SIZE)).isEqualTo(64L << 20);
        assertThat(conf.getDuration(CommonConfigKeys.RPC_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(conf.getDuration(CommonConfigKeys.RPC_CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.getInt(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS)).isEqualTo(10);
        assertThat(conf.getDuration(CommonConfigKeys.RPC_RETRY_INITIAL_BACKOFF)).isEqualTo(Duration.ofMillis(100));
        assertThat(conf.getDuration(CommonConfigKeys.RPC_RETRY_MAX_BACKOFF)).isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.getInt(CommonConfigKeys.RPC_SERVER_HANDLERS)).isEqualTo(8);
        assertThat(conf.getDuration(CommonConfigKeys.RPC_CLIENT_IDLE_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.getDuration(CommonConfigKeys.RPC_SERVER_IDLE_TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(conf.getString(CommonConfigKeys.USER_NAME)).isNull();
    }

    @Test
    void serversWaitLongerThanClientsBeforeClosingIdleConnections() {
        Configuration conf = Configuration.empty();
        assertThat(conf.getDuration(CommonConfigKeys.RPC_SERVER_IDLE_TIMEOUT))
                .isGreaterThan(conf.getDuration(CommonConfigKeys.RPC_CLIENT_IDLE_TIMEOUT));
    }

    @Test
    void keyNames() {
        assertThat(CommonConfigKeys.RPC_MAX_FRAME_SIZE.name()).isEqualTo("quarry.rpc.max-frame-size");
        assertThat(CommonConfigKeys.RPC_TIMEOUT.name()).isEqualTo("quarry.rpc.timeout");
        assertThat(CommonConfigKeys.RPC_CONNECT_TIMEOUT.name()).isEqualTo("quarry.rpc.connect-timeout");
        assertThat(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS.name()).isEqualTo("quarry.rpc.retry.max-attempts");
        assertThat(CommonConfigKeys.RPC_RETRY_INITIAL_BACKOFF.name()).isEqualTo("quarry.rpc.retry.initial-backoff");
        assertThat(CommonConfigKeys.RPC_RETRY_MAX_BACKOFF.name()).isEqualTo("quarry.rpc.retry.max-backoff");
        assertThat(CommonConfigKeys.RPC_SERVER_HANDLERS.name()).isEqualTo("quarry.rpc.server.handler-threads");
        assertThat(CommonConfigKeys.RPC_CLIENT_IDLE_TIMEOUT.name()).isEqualTo("quarry.rpc.client.idle-timeout");
        assertThat(CommonConfigKeys.RPC_SERVER_IDLE_TIMEOUT.name()).isEqualTo("quarry.rpc.server.idle-timeout");
        assertThat(CommonConfigKeys.USER_NAME.name()).isEqualTo("quarry.user.name");
    }

    @Test
    void everyKeyIsListedByTheProviderAndDescribed() {
        assertThat(new CommonConfigKeys().keys()).hasSize(10).allSatisfy(key -> {
            assertThat(key.name()).matches("[a-z][a-z0-9.-]*");
            assertThat(key.description()).isNotBlank();
        });
    }

    @Test
    void bareNumbersForRpcDurationsAreMilliseconds() {
        Configuration conf = Configuration.of(Map.of("quarry.rpc.timeout", "1500"));
        assertThat(conf.getDuration(CommonConfigKeys.RPC_TIMEOUT)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void configuredUserWins() {
        Configuration conf = Configuration.of(Map.of("quarry.user.name", "alice"));
        assertThat(CommonConfigKeys.currentUser(conf)).isEqualTo("alice");
        assertThat(CommonConfigKeys.currentUser(Configuration.empty())).isNotBlank();
    }
}
