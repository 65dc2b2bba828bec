package io.quarry.common.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class HostAndPortTest {
    @Test
    void parsesHostAndPort() {
        assertThat(HostAndPort.parse("127.0.0.3:9866")).isEqualTo(new HostAndPort("127.0.0.3", 9866));
        assertThat(HostAndPort.parse("namenode.example:8020").toString()).isEqualTo("namenode.example:8020");
        assertThat(HostAndPort.parse("::1:8020")).isEqualTo(new HostAndPort("::1", 8020));
    }

    @Test
    void refusesMalformedTextNamingIt() {
        for (String bad : new String[] {"", "host", ":80", "host:", "host:http", "host:70000", "host:-1"}) {
            assertThatThrownBy(() -> HostAndPort.parse(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> HostAndPort.parse("host:http")).hasMessageContaining("'host:http'");
    }
}
