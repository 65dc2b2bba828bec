package io.quarry.scheduler.shuffle;

import java.time.Duration;
import java.util.ServiceLoader;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigKeyProvider;
import io.quarry.common.conf.Configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ShuffleConfigKeysTest {

    @Test
    void defaultsArePinned() {
        Configuration empty = Configuration.empty();
        assertThat(empty.getInt(ShuffleConfigKeys.PORT)).isEqualTo(13562);
        assertThat(ShuffleClientSettings.from(empty)).isEqualTo(new ShuffleClientSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(60), 1024 * 1024, 2, 4));
        assertThat(ShuffleServerSettings.from(empty)).isEqualTo(new ShuffleServerSettings(0, 4, Duration.ofMinutes(2)));
    }

    @Test
    void keysMapToTheirSettings() {
        Configuration conf = Configuration.empty()
                .with(ShuffleConfigKeys.CONNECT_TIMEOUT.name(), "1500")
                .with(ShuffleConfigKeys.READ_TIMEOUT.name(), "2s")
                .with(ShuffleConfigKeys.CLIENT_BUFFER.name(), "256k")
                .with(ShuffleConfigKeys.CLIENT_IO_THREADS.name(), "3")
                .with(ShuffleConfigKeys.CLIENT_MAX_IDLE_CONNECTIONS.name(), "0")
                .with(ShuffleConfigKeys.SERVER_IO_THREADS.name(), "5")
                .with(ShuffleConfigKeys.SERVER_DISK_THREADS.name(), "6")
                .with(ShuffleConfigKeys.SERVER_IDLE_TIMEOUT.name(), "0");
        assertThat(ShuffleClientSettings.from(conf)).isEqualTo(new ShuffleClientSettings(Duration.ofMillis(1500),
                Duration.ofSeconds(2), 256 * 1024, 3, 0));
        assertThat(ShuffleServerSettings.from(conf)).isEqualTo(new ShuffleServerSettings(5, 6, Duration.ZERO));
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> ShuffleClientSettings.from(Configuration.empty().with(ShuffleConfigKeys.READ_TIMEOUT.name(), "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ShuffleConfigKeys.READ_TIMEOUT.name());
        assertThatThrownBy(() -> ShuffleServerSettings.from(Configuration.empty().with(ShuffleConfigKeys.SERVER_DISK_THREADS.name(), "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ShuffleConfigKeys.SERVER_DISK_THREADS.name());
    }

    @Test
    void keysAreRegisteredAsAProvider() {
        assertThat(ServiceLoader.load(ConfigKeyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(ShuffleConfigKeys.class);
    }
}
