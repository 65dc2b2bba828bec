package io.quarry.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ResultPrinterTest {
    private static final List<String> COLUMNS = List.of("dt", "hits", "rate");
    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList(null, 6128L, null),
            Arrays.asList(LocalDate.of(2025, 3, 10), 46825L, 0.2917956656346749));

    private static String print(OutputFormat format, boolean header, List<String> columns, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ResultPrinter(format, header).print(columns, rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableDrawsABoxWithHeaderAndNulls() {
        assertThat(print(OutputFormat.TABLE, false, COLUMNS, ROWS)).isEqualTo("""
                +------------+-------+--------------------+
                | dt         | hits  | rate               |
                +------------+-------+--------------------+
                | NULL       | 6128  | NULL               |
                | 2025-03-10 | 46825 | 0.2917956656346749 |
                +------------+-------+--------------------+
                """);
    }

    @Test
    void tsvIsTheBenchmarkAnswerFormat() {
        assertThat(print(OutputFormat.TSV, false, COLUMNS, ROWS))
                .isEqualTo("NULL\t6128\tNULL\n2025-03-10\t46825\t0.2917956656346749\n");
        assertThat(print(OutputFormat.TSV, true, COLUMNS, List.of())).isEqualTo("dt\thits\trate\n");
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        List<List<Object>> rows = List.of(Arrays.asList("a,b", "say \"hi\"", 1.2345E7));
        assertThat(print(OutputFormat.CSV, true, COLUMNS, rows))
                .isEqualTo("dt,hits,rate\n\"a,b\",\"say \"\"hi\"\"\",1.2345E7\n");
    }

    @Test
    void valuesPrintAsHiveDoes() {
        assertThat(ResultPrinter.text(LocalDateTime.of(2025, 3, 10, 14, 3, 7))).isEqualTo("2025-03-10 14:03:07");
        assertThat(ResultPrinter.text(LocalDateTime.of(2025, 3, 10, 14, 3, 7, 500_000_000))).isEqualTo("2025-03-10 14:03:07.5");
        assertThat(ResultPrinter.text(List.of("a", "b\"c"))).isEqualTo("[\"a\",\"b\\\"c\"]");
        assertThat(ResultPrinter.text(true)).isEqualTo("true");
        assertThat(ResultPrinter.text(12)).isEqualTo("12");
    }
}
