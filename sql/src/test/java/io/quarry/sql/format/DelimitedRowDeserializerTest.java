package io.quarry.sql.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DelimitedRowDeserializerTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("host", ColumnType.STRING), new Column("status", ColumnType.INT), new Column("bytes", ColumnType.BIGINT));

    @Test
    void splitsOnTheDelimiterAndTypesEachField() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, '\t');
        assertThat(d.deserialize("a.example\t200\t5120")).containsExactly("a.example", 200, 5120L);
    }

    @Test
    void onlyTheColumnsInTheReadMaskAreDecoded() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, '\t', new boolean[] {false, true, false});
        assertThat(d.deserialize("a.example\t200\t5120")).containsExactly(null, 200, null);
        assertThat(d.deserialize("a.example")).containsExactly(null, null, null);
    }

    @Test
    void defaultsToCtrlA() {
        RowDeserializer d = RowFormats.deserializer(new TableFormat(TableFormat.Kind.DELIMITED, java.util.Map.of()), COLUMNS);
        assertThat(d.deserialize("h\u0001404\u00011")).containsExactly("h", 404, 1L);
    }

    @Test
    void missingFieldsAreNullAndExtraFieldsIgnored() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, ',');
        assertThat(d.deserialize("h")).containsExactly("h", null, null);
        assertThat(d.deserialize("h,1,2,3,4")).containsExactly("h", 1, 2L);
        assertThat(d.deserialize("")).containsExactly("", null, null);
    }

    @Test
    void emptyAndTrailingFieldsAreEmptyStringsOrNull() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, ',');
        assertThat(d.deserialize(",,")).containsExactly("", null, null);
        assertThat(d.deserialize("h,7,")).containsExactly("h", 7, null);
    }

    @Test
    void fieldsThatDoNotParseAreNull() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, ',');
        assertThat(d.deserialize("h,OK,-")).containsExactly("h", null, null);
    }

    @Test
    void backslashNIsNullForEveryType() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, ',');
        assertThat(d.deserialize("\\N,\\N,3")).containsExactly(null, null, 3L);
    }

    @Test
    void reusesTheRowArrayAndClearsStaleValues() {
        RowDeserializer d = new DelimitedRowDeserializer(COLUMNS, ',');
        Object[] row = new Object[3];
        assertThat(d.deserialize("h,1,2", row)).isSameAs(row).containsExactly("h", 1, 2L);
        assertThat(d.deserialize("x", row)).isSameAs(row).containsExactly("x", null, null);
    }
}
