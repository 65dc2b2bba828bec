package io.quarry.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.sql.session.SqlException;

@Timeout(30)
class HiveSqlParserTest {
    @Test
    void divisionBecomesHiveDoubleDivision() throws Exception {
        SqlSelect select = (SqlSelect) HiveSqlParser.parse("SELECT a / b FROM t");
        SqlNode item = select.getSelectList().get(0);
        assertThat(((SqlBasicCall) item).getOperator()).isSameAs(HiveOperators.DIVIDE);
    }

    @Test
    void stringLiteralsFollowHiveEscapes() throws Exception {
        SqlSelect select = (SqlSelect) HiveSqlParser.parse("SELECT regexp_extract(ip, '^([0-9]+\\\\.[0-9]+)\\\\.', 1) FROM t");
        SqlBasicCall call = (SqlBasicCall) select.getSelectList().get(0);
        assertThat(((SqlCharStringLiteral) call.operand(1)).getValueAs(String.class)).isEqualTo("^([0-9]+\\.[0-9]+)\\.");
    }

    @Test
    void columnsNamedLikeKeywordsParse() throws Exception {
        HiveSqlParser.parse("SELECT method, `date`, status FROM access_log");
    }

    @Test
    void syntaxErrorNamesLineColumnAndToken() {
        assertThatThrownBy(() -> HiveSqlParser.parse("SELECT url\nFROM access_log\nWHERE status = = 200"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("line 3, column 14")
                .hasMessageContaining("unexpected '= ='")
                .satisfies(e -> {
                    assertThat(((SqlException) e).line()).isEqualTo(3);
                    assertThat(((SqlException) e).column()).isEqualTo(14);
                });
    }
}
