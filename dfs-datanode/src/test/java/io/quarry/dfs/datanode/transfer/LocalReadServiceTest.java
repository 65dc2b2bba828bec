package io.quarry.dfs.datanode.transfer;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Short-circuit reads are granted to peers on the DataNode's own host only. */
class LocalReadServiceTest {
    @Test
    void loopbackAndTheDataNodesOwnAddressAreThisHostOthersAreNot() {
        InetSocketAddress own = new InetSocketAddress("10.1.2.3", 9866);
        assertThat(LocalReadService.sameHost(new InetSocketAddress("127.0.0.1", 40000), own)).isTrue();
        assertThat(LocalReadService.sameHost(new InetSocketAddress("::1", 40000), own)).isTrue();
        assertThat(LocalReadService.sameHost(new InetSocketAddress("10.1.2.3", 40000), own)).isTrue();
        assertThat(LocalReadService.sameHost(new InetSocketAddress("10.1.2.4", 40000), own)).isFalse();
        assertThat(LocalReadService.sameHost(InetSocketAddress.createUnresolved("elsewhere", 40000), own)).isFalse();
        assertThat(LocalReadService.sameHost(null, own)).isFalse();
    }
}
