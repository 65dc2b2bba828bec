package io.quarry.mapreduce.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SplitPlannerTest {
    private static final Path FILE = new Path("qfs://nn:8020/data/part-0");
    private static final long MB = 1 << 20;
    private static final List<BlockLocation> BLOCKS = List.of(
            new BlockLocation(0, 128 * MB, List.of("dn1", "dn2"), List.of("/r1", "/r1")),
            new BlockLocation(128 * MB, 128 * MB, List.of("dn3", "dn1"), List.of("/r2", "/r1")),
            new BlockLocation(256 * MB, 44 * MB, List.of("dn2", "dn3"), List.of("/r1", "/r2")));

    @Test
    void oneSplitPerBlockWithTheHostsOfThatBlock() {
        List<FileSplit> splits = new SplitPlanner(1, Long.MAX_VALUE).plan(FILE, 300 * MB, 128 * MB, true, BLOCKS);
        assertThat(splits).containsExactly(
                new FileSplit(FILE, 0, 128 * MB, List.of("dn1", "dn2")),
                new FileSplit(FILE, 128 * MB, 128 * MB, List.of("dn3", "dn1")),
                new FileSplit(FILE, 256 * MB, 44 * MB, List.of("dn2", "dn3")));
    }

    @Test
    void lastSplitAbsorbsARemainderUpToTenPercent() {
        SplitPlanner planner = new SplitPlanner(1, Long.MAX_VALUE);
        assertThat(planner.plan(FILE, 1100, 1000, true, List.of())).extracting(FileSplit::length).containsExactly(1100L);
        assertThat(planner.plan(FILE, 1101, 1000, true, List.of())).extracting(FileSplit::length).containsExactly(1000L, 101L);
        assertThat(planner.plan(FILE, 3050, 1000, true, List.of())).extracting(FileSplit::length)
                .containsExactly(1000L, 1000L, 1050L);
    }

    @Test
    void maxSizeShrinksAndMinSizeGrowsTheSplits() {
        assertThat(new SplitPlanner(1, 64 * MB).plan(FILE, 300 * MB, 128 * MB, true, BLOCKS))
                .extracting(FileSplit::start, FileSplit::length, FileSplit::hosts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 64 * MB, List.of("dn1", "dn2")),
                        org.assertj.core.groups.Tuple.tuple(64 * MB, 64 * MB, List.of("dn1", "dn2")),
                        org.assertj.core.groups.Tuple.tuple(128 * MB, 64 * MB, List.of("dn3", "dn1")),
                        org.assertj.core.groups.Tuple.tuple(192 * MB, 64 * MB, List.of("dn3", "dn1")),
                        org.assertj.core.groups.Tuple.tuple(256 * MB, 44 * MB, List.of("dn2", "dn3")));
        assertThat(new SplitPlanner(256 * MB, Long.MAX_VALUE).plan(FILE, 300 * MB, 128 * MB, true, BLOCKS))
                .extracting(FileSplit::length).containsExactly(256 * MB, 44 * MB);
        assertThat(new SplitPlanner(1, 64 * MB).splitSize(128 * MB)).isEqualTo(64 * MB);
        assertThat(new SplitPlanner(200, 100_000).splitSize(50)).isEqualTo(200);
    }

    @Test
    void unsplitableFileIsOneSplit() {
        assertThat(new SplitPlanner(1, Long.MAX_VALUE).plan(FILE, 300 * MB, 128 * MB, false, BLOCKS))
                .containsExactly(new FileSplit(FILE, 0, 300 * MB, List.of("dn1", "dn2")));
    }

    @Test
    void emptyFileIsOneEmptySplit() {
        assertThat(new SplitPlanner(1, Long.MAX_VALUE).plan(FILE, 0, 128 * MB, true, List.of()))
                .containsExactly(new FileSplit(FILE, 0, 0, List.of()));
    }

    @Test
    void rejectsMinSizeAboveMaxSize() {
        assertThatThrownBy(() -> new SplitPlanner(10, 5)).hasMessageContaining("minsize 10").hasMessageContaining("maxsize 5");
    }
}
