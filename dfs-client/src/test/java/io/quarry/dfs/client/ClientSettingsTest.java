package io.quarry.dfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.Configuration;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientSettingsTest {
    @Test
    void defaultsLeaveReplicationAndBlockSizeToTheNameNode() {
        ClientSettings settings = ClientSettings.from(Configuration.empty());
        assertThat(settings.replication()).isZero();
        assertThat(settings.blockSize()).isZero();
        assertThat(settings.bytesPerChecksum()).isEqualTo(512);
        assertThat(settings.packetSize()).isEqualTo(64 * 1024);
        assertThat(settings.maxPacketsInFlight()).isEqualTo(80);
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.blockWriteRetries()).isEqualTo(3);
        assertThat(settings.maxBlockAcquireFailures()).isEqualTo(3);
        assertThat(settings.umask()).isEqualTo((short) 022);
        assertThat(settings.leaseRenewInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.syncOnClose()).as("close() means on disk by default").isTrue();
    }

    @Test
    void readsHadoopKeysAndRoundsThePacketToWholeChunks() {
        ClientSettings settings = ClientSettings.from(Configuration.empty()
                .with("dfs.replication", "2")
                .with("dfs.blocksize", "64k")
                .with("dfs.client-write-packet-size", "1000")
                .with("fs.permissions.umask-mode", "077")
                .with("dfs.client.socket-timeout", "5s")
                .with("dfs.datanode.synconclose", "false"));
        assertThat(settings.replication()).isEqualTo((short) 2);
        assertThat(settings.blockSize()).isEqualTo(65536);
        assertThat(settings.packetSize()).isEqualTo(512);
        assertThat(settings.umask()).isEqualTo((short) 077);
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.syncOnClose()).isFalse();
    }

    @Test
    void badUmaskNamesTheValue() {
        assertThatThrownBy(() -> ClientSettings.from(Configuration.empty().with("fs.permissions.umask-mode", "999")))
                .hasMessageContaining("999");
    }
}
