package io.quarry.sql.plan;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up plans its query over constants without a catalog, so it never fails silently in a shell. */
@Timeout(60)
class QueryPlannerWarmUpTest {
    @Test
    void theWarmUpQueryPlansWithoutACatalog() {
        assertThatCode(QueryPlanner::warmUp).doesNotThrowAnyException();
    }
}
