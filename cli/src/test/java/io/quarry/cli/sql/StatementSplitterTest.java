package io.quarry.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.cli.sql.StatementSplitter.Piece;
import io.quarry.cli.sql.StatementSplitter.Split;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatementSplitterTest {
    private static List<String> texts(String script) {
        return StatementSplitter.all(script).stream().map(Piece::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndTrimsEachStatement() {
        assertThat(texts("SELECT 1;  SELECT 2 ;\n\nSELECT 3")).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void semicolonsInStringsBackticksAndCommentsDoNotSplit() {
        assertThat(texts("SELECT ';' , \";\" FROM `a;b`; SELECT 2 -- not; here\n;"))
                .containsExactly("SELECT ';' , \";\" FROM `a;b`", "SELECT 2 -- not; here");
    }

    @Test
    void aBackslashEscapesTheQuoteInAString() {
        assertThat(texts("SELECT 'it\\'s; fine', \"a\\\";b\"; SELECT 2"))
                .containsExactly("SELECT 'it\\'s; fine', \"a\\\";b\"", "SELECT 2");
        assertThat(texts("SELECT '\\\\'; SELECT 2")).containsExactly("SELECT '\\\\'", "SELECT 2");
    }

    @Test
    void leadingCommentsAreSkippedAndOffsetsPointAtTheStatement() {
        String script = "-- name: q01\n-- order: total\nSELECT count(*) FROM t;\n-- trailing only\n";
        List<Piece> pieces = StatementSplitter.all(script);
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).text()).isEqualTo("SELECT count(*) FROM t");
        assertThat(script.substring(pieces.get(0).offset())).startsWith("SELECT count(*)");
    }

    @Test
    void emptyStatementsAndCommentOnlyScriptsGiveNothing() {
        assertThat(texts(";;  ;\n-- just a comment")).isEmpty();
        assertThat(texts("")).isEmpty();
    }

    @Test
    void theRestIsWhatFollowsTheLastSemicolon() {
        Split split = StatementSplitter.split("SELECT 1; SELECT\n  2");
        assertThat(split.complete()).extracting(Piece::text).containsExactly("SELECT 1");
        assertThat(split.rest().text()).isEqualTo("SELECT\n  2");
        assertThat(StatementSplitter.split("SELECT 'a;").complete()).isEmpty();
        assertThat(StatementSplitter.split("SELECT 1;  \n").rest()).isNull();
    }
}
