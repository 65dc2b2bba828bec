package io.quarry.minicluster;

import java.io.IOException;

/**
 * A QFS test cluster of one NameNode and N DataNodes, whatever runs it: in this JVM
 * ({@link InProcessQfsTestCluster}) or as separate containers
 * ({@code io.quarry.minicluster.container.ContainerQfsCluster}). A scenario written against this
 * interface and {@link QfsTestClient} runs on either. DataNodes are numbered from 0.
 */
public interface QfsTestCluster extends AutoCloseable {

    int numDataNodes();

    /** The host name the NameNode knows DataNode {@code index} by (block locations name it). */
    String dataNodeHost(int index);

    /** The rack of DataNode {@code index} in the cluster's topology table. */
    String dataNodeRack(int index);

    /** Kills DataNode {@code index} as a crash would: no graceful shutdown. */
    void killDataNode(int index) throws IOException;

    /** Starts a killed DataNode again with its data directory as it was, and waits until it is live. */
    void restartDataNode(int index) throws IOException;

    /** Kills the NameNode as a crash would: no graceful shutdown, nothing flushed. */
    void killNameNode() throws IOException;

    /** Starts the NameNode again on its directories and waits until it is active with every running DataNode. */
    void restartNameNode() throws IOException;

    /** The client the test drives the cluster with. */
    QfsTestClient client();

    @Override
    void close() throws IOException;
}
