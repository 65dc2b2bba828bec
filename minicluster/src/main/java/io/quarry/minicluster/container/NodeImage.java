package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import com.github.dockerjava.api.exception.NotFoundException;

/**
 * The node image the container cluster runs, built locally by {@code bin/quarry-node-image} from the
 * Quarry distribution. Nothing is ever pulled: {@link #require()} fails at once, saying how to start
 * an engine or build the image, when either is missing.
 */
public final class NodeImage {
    /** System property naming the image; {@code quarry-node:<project version>} when unset. */
    public static final String IMAGE_PROPERTY = "quarry.node.image";

    private static final String BUILD_HINT = "build it from the distribution with: mvn -B package -DskipTests && bin/quarry-node-image";
    private static final String ENGINE_HINT = "No Docker engine answers on this machine. Start one (on Debian: "
            + "apt-get install -y --no-install-recommends docker.io busybox-static, then run dockerd as root), or skip the "
            + "container suite: it runs only with mvn -B verify -Pcontainers";

    private final DockerImageName name;

    private NodeImage(DockerImageName name) {
        this.name = requireNonNull(name, "name is null");
    }

    /** The image named by {@value #IMAGE_PROPERTY}, else {@code quarry-node:<version of this jar>}. */
    public static NodeImage configured() {
        String name = System.getProperty(IMAGE_PROPERTY);
        if (name == null || name.isBlank()) {
            name = "quarry-node:" + projectVersion();
        }
        return new NodeImage(DockerImageName.parse(name));
    }

    public static NodeImage named(String name) {
        return new NodeImage(DockerImageName.parse(name));
    }

    public DockerImageName name() {
        return name;
    }

    /** Checks that an engine answers and has the image; throws {@link IllegalStateException} saying what to do otherwise. */
    public NodeImage require() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(ENGINE_HINT);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(name.asCanonicalNameString()).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("The Docker engine has no image " + name.asCanonicalNameString()
                    + " and the container cluster never pulls one; " + BUILD_HINT, e);
        }
        return this;
    }

    private static String projectVersion() {
        String version = NodeImage.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = System.getProperty("quarry.version");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("Cannot tell the Quarry version for the node image name; set -D" + IMAGE_PROPERTY
                    + "=quarry-node:<version> (the tag bin/quarry-node-image printed)");
        }
        return version;
    }

    @Override
    public String toString() {
        return name.asCanonicalNameString();
    }
}
