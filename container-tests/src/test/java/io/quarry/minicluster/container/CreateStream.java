package io.quarry.minicluster.container;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/**
 * A client application the NameNode-kill scenario runs on the client host (copied in as one class
 * file, run with the distribution's jars): creates {@code DIR/f-0}, {@code DIR/f-1}, ... one after
 * another and appends the number of each acknowledged create to {@code ACK_FILE}, until
 * {@code STOP_FILE} exists. A create that fails is skipped, not retried.
 *
 * <p>Usage: {@code java -cp ... CreateStream qfs://namenode:8020 DIR ACK_FILE STOP_FILE}
 */
public final class CreateStream {
    private CreateStream() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: CreateStream FS_URI DIR ACK_FILE STOP_FILE");
            System.exit(2);
        }
        Configuration conf = Configuration.of(Map.of("fs.defaultFS", args[0], "quarry.rpc.connect-timeout", "1s",
                "quarry.rpc.timeout", "5s", "quarry.rpc.retry.max-backoff", "200ms"));
        java.nio.file.Path stop = java.nio.file.Path.of(args[3]);
        int failed = 0;
        int acked = 0;
        try (FileSystem fs = FileSystem.get(conf);
             PrintStream acks = new PrintStream(Files.newOutputStream(java.nio.file.Path.of(args[2]),
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            fs.mkdirs(new Path(args[1]));
            for (int i = 0; !Files.exists(stop); i++) {
                try {
                    fs.create(new Path(args[1] + "/f-" + i), false).close();
                    acks.println(i);
                    acked++;
                } catch (IOException e) {
                    failed++;
                }
            }
        }
        System.out.println("acknowledged " + acked + ", failed " + failed);
    }
}
