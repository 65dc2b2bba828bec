package io.quarry.sql.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.testing.Seeds;

/** No line, however mangled, makes a deserializer throw: every field is a value of its type or NULL. */
@Timeout(20)
class GarbageLinesTest {
    private static final List<Column> COLUMNS = List.of(new Column("s", ColumnType.STRING), new Column("i", ColumnType.INT),
            new Column("l", ColumnType.BIGINT), new Column("d", ColumnType.DOUBLE), new Column("b", ColumnType.BOOLEAN),
            new Column("t", ColumnType.TIMESTAMP), new Column("day", ColumnType.DATE));
    private static final String ALPHABET = "{}[]\":,\\ \t\u0001-+.eE0123456789truefalsnTu:/abc";
    private static final String[] SEEDS = {
        "{\"s\":\"x\",\"i\":1,\"l\":2,\"d\":1.5,\"b\":true,\"t\":\"2024-01-02 03:04:05\",\"day\":\"2024-01-02\"}",
        "x\u00011\u00012\u00011.5\u0001true\u00012024-01-02 03:04:05\u00012024-01-02",
        "x 1 2 1.5 true 2024-01-02T03:04:05 2024-01-02",
    };

    @Test
    void mutatedLinesNeverThrowAndYieldTypedValuesOrNulls() {
        long seed = Seeds.seed("GarbageLinesTest");
        Random random = new Random(seed);
        List<RowDeserializer> deserializers = List.of(
                RowFormats.deserializer(TableFormat.json(), COLUMNS),
                RowFormats.deserializer(new TableFormat(TableFormat.Kind.DELIMITED, java.util.Map.of()), COLUMNS),
                RowFormats.deserializer(TableFormat.regex("(\\S*) (\\S*) (\\S*) (\\S*) (\\S*) (\\S*) (\\S*)"), COLUMNS));
        Object[] row = new Object[COLUMNS.size()];
        for (int n = 0; n < 20_000; n++) {
            String line = mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            for (RowDeserializer d : deserializers) {
                assertThatCode(() -> d.deserialize(line, row)).as("seed %d, line '%s'", seed, line).doesNotThrowAnyException();
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        assertThat(row[i]).as("seed %d, line '%s', column %s", seed, line, COLUMNS.get(i))
                                .isInstanceOf(expectedClass(COLUMNS.get(i).type()));
                    }
                }
            }
        }
    }

    private static String mutate(String line, Random random) {
        StringBuilder out = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }

    private static Class<?> expectedClass(ColumnType type) {
        return switch (type) {
            case STRING -> String.class;
            case INT -> Integer.class;
            case BIGINT -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case TIMESTAMP -> java.time.LocalDateTime.class;
            case DATE -> java.time.LocalDate.class;
        };
    }
}
