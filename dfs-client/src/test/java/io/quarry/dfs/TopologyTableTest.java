package io.quarry.dfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class TopologyTableTest {
    @TempDir
    Path tmp;

    @Test
    void listedHostsHaveTheirRackAndOthersTheDefault() throws IOException {
        Path file = Files.writeString(tmp.resolve("topology"), "# host rack\n\n10.1.1.11   /rack1\n  node-2\t/rack2  \n");
        TopologyTable table = TopologyTable.load(file.toString());
        assertThat(table.rackOf("10.1.1.11")).isEqualTo("/rack1");
        assertThat(table.rackOf("node-2")).isEqualTo("/rack2");
        assertThat(table.rackOf("node-3")).isEqualTo(TopologyTable.DEFAULT_RACK);
        assertThat(TopologyTable.load(null).rackOf("node-2")).isEqualTo("/default-rack");
    }

    @Test
    void aBadLineIsNamedWithItsFileAndNumber() throws IOException {
        Path file = Files.writeString(tmp.resolve("topology"), "node-1 /rack1\nnode-2 rack2\n");
        assertThatThrownBy(() -> TopologyTable.load(file.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 2").hasMessageContaining("node-2 rack2");
    }
}
