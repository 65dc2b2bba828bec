package io.quarry.minicluster.scenario;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.minicluster.InProcessQfsTestCluster;
import io.quarry.minicluster.MiniQfsCluster;

/** The shared scenarios of {@link QfsScenarios} on the in-process cluster; container-tests runs them on containers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InProcessScenariosTest {

    @Test
    void multiBlockFilesRoundTripOnRackAwareReplicas(@TempDir Path dir) throws Exception {
        MiniQfsCluster mini = MiniQfsCluster.builder(dir).numDataNodes(4).racks("/r1", "/r1", "/r2", "/r2")
                .set("dfs.blocksize", "64k").build();
        try (InProcessQfsTestCluster cluster = new InProcessQfsTestCluster(mini)) {
            QfsScenarios.multiBlockFilesRoundTripOnRackAwareReplicas(cluster, 64 * 1024,
                    Seeds.seed("multiBlockFilesRoundTripOnRackAwareReplicas"));
        }
    }
}
