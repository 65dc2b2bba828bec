package io.quarry.sql.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RegexRowDeserializerTest {
    private static final List<Column> COLUMNS = List.of(new Column("ip", ColumnType.STRING),
            new Column("ts", ColumnType.TIMESTAMP), new Column("status", ColumnType.INT), new Column("ref", ColumnType.STRING));
    private static final String REGEX = "(\\S+) \\[([^\\]]+)\\] (\\S+)(?: \"([^\"]*)\")?";

    @Test
    void eachGroupFillsItsColumn() {
        RowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX);
        assertThat(d.deserialize("10.0.0.1 [2024-01-02 03:04:05] 200 \"http://x\""))
                .containsExactly("10.0.0.1", LocalDateTime.of(2024, 1, 2, 3, 4, 5), 200, "http://x");
    }

    @Test
    void onlyTheColumnsInTheReadMaskAreDecoded() {
        RowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX, new boolean[] {false, false, true, true});
        assertThat(d.deserialize("10.0.0.1 [2024-01-02 03:04:05] 200 \"http://x\""))
                .containsExactly(null, null, 200, "http://x");
        assertThat(d.deserialize("garbage")).containsOnlyNulls();
        assertThatThrownBy(() -> new RegexRowDeserializer(COLUMNS, REGEX, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 columns, the table has 4");
    }

    @Test
    void aLineThatDoesNotMatchIsARowOfNulls() {
        RowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX);
        Object[] row = d.deserialize("10.0.0.1 [2024-01-02 03:04:05] 200 \"http://x\"");
        assertThat(d.deserialize("garbage", row)).containsExactly(null, null, null, null);
        assertThat(d.deserialize("")).containsExactly(null, null, null, null);
    }

    @Test
    void theWholeLineMustMatch() {
        RowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX);
        assertThat(d.deserialize("10.0.0.1 [2024-01-02 03:04:05] 200 \"r\" trailing")).containsOnlyNulls();
    }

    @Test
    void anUnmatchedOptionalGroupAndAnUnparsableFieldAreNull() {
        RowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX);
        assertThat(d.deserialize("h [not a time] abc")).containsExactly("h", null, null, null);
    }

    @Test
    void rejectsAGroupCountThatDiffersFromTheColumns() {
        assertThatThrownBy(() -> new RegexRowDeserializer(COLUMNS, "(a)(b)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 capture groups but the table has 4 columns");
    }

    @Test
    void rejectsAnInvalidRegexNamingIt() {
        assertThatThrownBy(() -> new RegexRowDeserializer(COLUMNS, "(a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid input.regex '(a'");
    }

    @Test
    void compilesThePatternOnceForAllLines() {
        RegexRowDeserializer d = new RegexRowDeserializer(COLUMNS, REGEX);
        var pattern = d.pattern();
        d.deserialize("a [2024-01-01] 1");
        d.deserialize("b [2024-01-01] 2");
        assertThat(d.pattern()).isSameAs(pattern);
    }
}
