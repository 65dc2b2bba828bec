package io.quarry.minicluster.process;

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.quarry.common.conf.Configuration;
import io.quarry.common.lifecycle.DaemonArgs;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/**
 * A client process that writes {@code bytes} bytes of a known pattern to a file, says it is ready,
 * and then waits without closing the file until it is killed: the writer that dies holding a lease.
 * Arguments: {@code -Dfs.defaultFS=... path bytes}.
 */
public final class AbandonedWriter {
    private AbandonedWriter() {
    }

    public static void main(String[] args) throws Exception {
        DaemonArgs parsed = DaemonArgs.parse(args);
        Configuration conf = parsed.load();
        Path path = new Path(parsed.remaining().get(0));
        int bytes = Integer.parseInt(parsed.remaining().get(1));
        FileSystem fs = FileSystem.get(conf);
        OutputStream out = fs.create(path, false);
        out.write(pattern(bytes));
        out.flush();
        System.out.println(DaemonRunner.READY_PREFIX + "writer " + DaemonRunner.formatAddresses(Map.of()));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Byte i of the file is {@code (i * 31 + i / 7) & 0xff}. */
    static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + i / 7);
        }
        return data;
    }
}
