package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.sql.session.StageListener;
import io.quarry.sql.session.StageProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows the progress of a statement's stages on stderr: on a terminal one line per stage, rewritten in
 * place; otherwise a line when a stage starts and each time its map or reduce progress passes a quarter.
 * Reports may come from another thread.
 */
final class ProgressPrinter implements StageListener {
    private final PrintStream err;
    private final boolean terminal;
    private int stage;
    private int lastMapQuarter = -1;
    private int lastReduceQuarter = -1;
    private boolean lineOpen;

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(StageProgress progress) {
        String line = line(progress);
        if (terminal) {
            if (progress.stage() != stage && lineOpen) {
                err.println();
            }
            err.print("\r" + line);
            lineOpen = true;
        } else {
            int mapQuarter = quarter(progress.mapProgress());
            int reduceQuarter = quarter(progress.reduceProgress());
            if (progress.stage() == stage && mapQuarter == lastMapQuarter && reduceQuarter == lastReduceQuarter) {
                return;
            }
            lastMapQuarter = mapQuarter;
            lastReduceQuarter = reduceQuarter;
            err.println(line);
        }
        stage = progress.stage();
        err.flush();
    }

    /** Ends the open line, if any; called when the statement is over. */
    synchronized void finish() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
        stage = 0;
        lastMapQuarter = -1;
        lastReduceQuarter = -1;
    }

    static String line(StageProgress p) {
        return String.format(Locale.ROOT, "Stage %d/%d %s: map %3d%%, reduce %3d%%", p.stage(), p.stageCount(),
                p.description(), percent(p.mapProgress()), percent(p.reduceProgress()));
    }

    private static int percent(float progress) {
        return Math.max(0, Math.min(100, (int) Math.floor(progress * 100)));
    }

    private static int quarter(float progress) {
        return percent(progress) / 25;
    }
}
