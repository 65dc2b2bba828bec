package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.github.dockerjava.api.exception.NotFoundException;

/** The node image is found locally or the cluster refuses to start at once; nothing is pulled. */
@Tag("container")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeImageContainerTest {

    @Test
    void configuredImageIsTheOneTheBuildMade() {
        NodeImage image = NodeImage.configured().require();

        assertThat(image.toString()).startsWith("quarry-node:");
    }

    @Test
    void missingImageFailsAtOnceSayingHowToBuildItAndPullsNothing() {
        NodeImage missing = NodeImage.named("quarry-node:0.0.0-no-such-build");

        assertThatThrownBy(() -> ContainerQfsCluster.builder().image(missing).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarry-node:0.0.0-no-such-build")
                .hasMessageContaining("bin/quarry-node-image")
                .hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> org.testcontainers.DockerClientFactory.instance().client()
                .inspectImageCmd("quarry-node:0.0.0-no-such-build").exec())
                .as("the image was not pulled").isInstanceOf(NotFoundException.class);
    }
}
