package io.quarry.cli.local;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.quarry.common.lifecycle.DaemonRunner;

/**
 * The JVM {@code quarry local start} launches: {@code --dir DIR --datanodes N [--ha]} followed by the
 * generic options. Runs a {@link LocalCluster} through {@link DaemonRunner}, writes its addresses
 * to {@code local.properties}, prints the READY line, and stops on SIGTERM.
 */
public final class LocalClusterMain {
    private LocalClusterMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String dir = null;
        int dataNodes = 1;
        boolean ha = false;
        List<String> generic = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dir") && i + 1 < args.length) {
                dir = args[++i];
            } else if (args[i].equals("--ha")) {
                ha = true;
            } else if (args[i].equals("--datanodes") && i + 1 < args.length) {
                dataNodes = Integer.parseInt(args[++i]);
            } else {
                generic.add(args[i]);
            }
        }
        if (dir == null) {
            System.err.println("local: --dir is required");
            return 2;
        }
        LocalDirs dirs = new LocalDirs(Paths.get(dir));
        int count = dataNodes;
        boolean withHa = ha;
        return DaemonRunner.run("local", generic.toArray(String[]::new), conf -> {
            LocalCluster cluster = LocalCluster.start(conf, dirs, count, withHa);
            cluster.state().write(dirs.stateFile());
            return cluster;
        });
    }
}
