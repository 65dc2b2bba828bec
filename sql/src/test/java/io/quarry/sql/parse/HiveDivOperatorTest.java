package io.quarry.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.sql.session.SqlException;

@Timeout(30)
class HiveDivOperatorTest {
    private static String parsed(String sql) throws SqlException {
        SqlNode node = HiveSqlParser.parse(sql);
        return node.toString().replace('\n', ' ');
    }

    @Test
    void divBetweenOperandsIsIntegerDivisionWithTheMultiplicativePrecedence() throws Exception {
        assertThat(parsed("SELECT x DIV 10 + 1, (a + b) div c * 2 FROM t WHERE x DIV 3 = 1"))
                .contains("`x` DIV 10 + 1").contains("(`a` + `b`) DIV `c` * 2").contains("`x` DIV 3 = 1");
    }

    @Test
    void divInLiteralsQuotedNamesCommentsAndAsAFunctionNameIsLeftAlone() throws Exception {
        String text = parsed("SELECT 'a DIV b', \"it\\'s div\", `div`, t.`div` / 2, div(7, 2) -- x DIV y\n"
                + "/* p DIV q */ FROM t");
        assertThat(text).contains("'a DIV b'").contains("`div`").contains("`t`.`div` / 2").contains("`div`(7, 2)")
                .doesNotContain("`p`").doesNotContain("`y`");
        assertThat(parsed("SELECT `div` DIV 2 FROM t")).contains("`div` DIV 2");
    }

    @Test
    void syntaxErrorsKeepTheirPositionsAfterADiv() {
        assertThatThrownBy(() -> HiveSqlParser.parse("SELECT x DIV 2 FROM t WHERE x DIV 2 = = 1"))
                .isInstanceOf(SqlException.class).hasMessageContaining("line 1, column 37");
        assertThatThrownBy(() -> HiveSqlParser.parse("SELECT x DIV 2 FROM t\nWHERE x DIV ) 1"))
                .isInstanceOf(SqlException.class).hasMessageContaining("line 2, column 9: unexpected 'DIV )'")
                .satisfies(e -> assertThat(((SqlException) e).line()).isEqualTo(2));
    }
}
