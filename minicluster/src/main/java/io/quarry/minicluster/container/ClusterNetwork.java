package io.quarry.minicluster.container;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;

/**
 * The internal network of a container cluster (no route out), in a /24 picked at random and
 * created with the addresses planned for its hosts; another subnet is tried when one is taken.
 */
record ClusterNetwork(Network network, ClusterAddresses addresses) {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNetwork.class);
    private static final int ATTEMPTS = 5;

    /** Creates network {@code quarry-<runId>}, labelled with the run id, for {@code hosts}. */
    static ClusterNetwork create(String runId, List<String> hosts) throws IOException {
        Random random = new Random();
        for (int attempt = 1; ; attempt++) {
            ClusterAddresses planned = new ClusterAddresses(200 + random.nextInt(50), random.nextInt(256), hosts);
            Network candidate = Network.builder().createNetworkCmdModifier(cmd -> cmd.withName("quarry-" + runId)
                    .withInternal(true).withLabels(Map.of(ContainerQfsCluster.LABEL, runId))
                    .withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                            new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(planned.subnet())
                                    .withGateway(planned.gateway())))).build();
            try {
                candidate.getId();
                return new ClusterNetwork(candidate, planned);
            } catch (RuntimeException e) {
                candidate.close();
                if (attempt == ATTEMPTS) {
                    throw new IOException("Could not create the cluster network; the last subnet tried was " + planned.subnet(), e);
                }
                LOG.info("Subnet {} is taken ({}); trying another", planned.subnet(), e.getMessage());
            }
        }
    }
}
