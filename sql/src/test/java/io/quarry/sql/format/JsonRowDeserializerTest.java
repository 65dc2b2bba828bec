package io.quarry.sql.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class JsonRowDeserializerTest {
    private static final List<Column> COLUMNS = List.of(new Column("user", ColumnType.STRING),
            new Column("count", ColumnType.BIGINT), new Column("ok", ColumnType.BOOLEAN),
            new Column("day", ColumnType.DATE), new Column("score", ColumnType.DOUBLE));
    private final RowDeserializer d = RowFormats.deserializer(TableFormat.json(), COLUMNS);

    @Test
    void fieldsFillColumnsByNameInAnyOrder() {
        assertThat(d.deserialize("{\"score\": 1.5, \"ok\": true, \"day\": \"2024-05-06\", \"count\": 12, \"user\": \"ann\"}"))
                .containsExactly("ann", 12L, true, LocalDate.of(2024, 5, 6), 1.5);
    }

    @Test
    void missingFieldsAndJsonNullsAreNull() {
        assertThat(d.deserialize("{\"user\":\"bob\",\"count\":null}")).containsExactly("bob", null, null, null, null);
        assertThat(d.deserialize("{}")).containsOnlyNulls();
    }

    @Test
    void namesMatchWithoutRegardToCaseAndUnknownFieldsAreSkipped() {
        assertThat(d.deserialize("{\"USER\":\"c\",\"extra\":{\"a\":[1,2,{\"b\":\"}\"}]},\"Count\":3}"))
                .containsExactly("c", 3L, null, null, null);
    }

    @Test
    void stringsAreUnescaped() {
        assertThat(d.deserialize("{\"user\":\"a\\\"b\\\\c\\n\\u00e9\"}")[0]).isEqualTo("a\"b\\c\né");
    }

    @Test
    void numbersInStringsAndStringsOfNumbersFollowTheColumnType() {
        assertThat(d.deserialize("{\"user\":42,\"count\":\"43\",\"ok\":\"yes\"}")).containsExactly("42", 43L, null, null, null);
    }

    @Test
    void aNestedValueIsItsJsonTextInAStringColumn() {
        assertThat(d.deserialize("{\"user\":{\"id\":[1, 2]}}")[0]).isEqualTo("{\"id\":[1, 2]}");
    }

    @Test
    void valuesThatDoNotParseAreNull() {
        assertThat(d.deserialize("{\"count\":1.5e10x,\"score\":\"n/a\",\"day\":\"soon\"}")).containsOnlyNulls();
    }

    @Test
    void malformedLinesAreRowsOfNulls() {
        Object[] row = d.deserialize("{\"user\":\"ann\",\"count\":1}");
        for (String bad : new String[] {"", "not json", "{\"user\":\"ann\"", "{\"user\" \"ann\"}", "[1,2]",
                "{\"user\":\"ann\"} trailing", "{\"user\":\"a\\q\"}", "{\"user\":\"unterminated}", "{\"count\":1,}",
                "{\"user\":\"\\u12\"}", "{\"a\":{\"b\":1}"}) {
            assertThat(d.deserialize(bad, row)).as("'%s'", bad).containsOnlyNulls();
        }
    }
}
