package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.minicluster.BlockReplicas;

/** The container client reads fsck and dfsadmin output as the CLI prints it; no Docker needed. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ShellReportsTest {

    @Test
    void fsckBlocksListsEachBlockWithTheHostsOfItsReplicas() {
        String output = """
                FSCK started by root for path /b at Sat Nov 28 11:56:57 GMT 2026
                /b 3000000 bytes, replicated: replication=3, 3 block(s):  OK
                0. blk_1073741825_1001 len=1048576 Live_repl=3 [dn3:9866, dn1:9866, dn2:9866]
                1. blk_1073741826_1002 len=1048576 Live_repl=1 [dn2:9866]
                2. blk_1073741827_1003 len=902848 MISSING!

                Status: HEALTHY
                """;

        assertThat(ShellReports.fsckBlocks(output)).containsExactly(
                new BlockReplicas("blk_1073741825_1001", 1048576, List.of("dn3", "dn1", "dn2")),
                new BlockReplicas("blk_1073741826_1002", 1048576, List.of("dn2")),
                new BlockReplicas("blk_1073741827_1003", 902848, List.of()));
    }

    @Test
    void reportHostsSeparatesLiveFromDeadDataNodes() {
        String output = """
                Configured Capacity: 811659522048 (755.92 GB)
                -------------------------------------------------
                Live datanodes (2):

                Name: dn1:9866 (dn1)
                Hostname: dn1
                Rack: /r1

                Name: dn2:9866 (dn2)
                Hostname: dn2

                Dead datanodes (1):

                Name: dn3:9866 (dn3)
                Hostname: dn3
                """;

        assertThat(ShellReports.reportHosts(output, true)).containsExactly("dn1", "dn2");
        assertThat(ShellReports.reportHosts(output, false)).containsExactly("dn3");
    }
}
