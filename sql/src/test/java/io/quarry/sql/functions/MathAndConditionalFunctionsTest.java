package io.quarry.sql.functions;

import static io.quarry.sql.functions.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.sql.format.ColumnType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MathAndConditionalFunctionsTest {
    @Test
    void absAndNegativeKeepIntegralTypes() {
        assertThat(call("ABS", -3)).isEqualTo(3);
        assertThat(call("ABS", -3L)).isEqualTo(3L);
        assertThat(call("ABS", -2.5)).isEqualTo(2.5);
        assertThat(call("ABS", "-2.5")).isEqualTo(2.5);
        assertThat(call("ABS", "x")).isNull();
        assertThat(call("NEGATIVE", 4L)).isEqualTo(-4L);
        assertThat(call("ABS", (Object) null)).isNull();
    }

    @Test
    void roundIsHalfUpAtTheGivenDigits() {
        assertThat(call("ROUND", 2.5)).isEqualTo(3.0);
        assertThat(call("ROUND", -2.5)).isEqualTo(-3.0);
        assertThat(call("ROUND", 3.14159, 2)).isEqualTo(3.14);
        assertThat(call("ROUND", 0.125, 2)).isEqualTo(0.13);
        assertThat(call("ROUND", 1234.5, -2)).isEqualTo(1200.0);
        assertThat(call("ROUND", 1250, -2)).isEqualTo(1300);
        assertThat(call("ROUND", 7L)).isEqualTo(7L);
        assertThat(call("ROUND", (Object) null)).isNull();
        assertThat(call("ROUND", Double.NaN)).isEqualTo(Double.NaN);
    }

    @Test
    void floorAndCeilAreBigint() {
        assertThat(call("FLOOR", 2.7)).isEqualTo(2L);
        assertThat(call("FLOOR", -2.1)).isEqualTo(-3L);
        assertThat(call("CEIL", 2.1)).isEqualTo(3L);
        assertThat(call("CEILING", 5)).isEqualTo(5L);
        assertThat(call("FLOOR", "x")).isNull();
    }

    @Test
    void powerRootsAndLogarithmsAreNullOutsideTheirDomain() {
        assertThat(call("POW", 2, 10)).isEqualTo(1024.0);
        assertThat(call("POWER", 2.0, 0.5)).isEqualTo(Math.sqrt(2));
        assertThat(call("SQRT", 16)).isEqualTo(4.0);
        assertThat(call("SQRT", -1)).isNull();
        assertThat(call("LN", 0)).isNull();
        assertThat(call("LOG10", 1000)).isEqualTo(3.0);
        assertThat(call("LOG2", 8)).isEqualTo(3.0);
        assertThat(call("LOG", 2, 8)).isEqualTo(3.0);
        assertThat(call("LOG", 1, 8)).isNull();
        assertThat(call("EXP", 0)).isEqualTo(1.0);
        assertThat(call("SIGN", -5)).isEqualTo(-1.0);
        assertThat(call("PMOD", -7, 3)).isEqualTo(2);
        assertThat(call("PMOD", 7L, -3)).isEqualTo(-2L);
        assertThat(call("PMOD", -7.5, 2)).isEqualTo(0.5);
        assertThat(call("PMOD", 1, 0)).isNull();
    }

    @Test
    void ifNvlCoalesceNullif() {
        assertThat(call("IF", true, "a", "b")).isEqualTo("a");
        assertThat(call("IF", false, "a", "b")).isEqualTo("b");
        assertThat(call("IF", null, "a", "b")).isEqualTo("b");
        assertThat(call("NVL", null, 5)).isEqualTo(5);
        assertThat(call("NVL", 1, 5)).isEqualTo(1);
        assertThat(call("COALESCE", null, null, "c")).isEqualTo("c");
        assertThat(call("COALESCE", null, null)).isNull();
        assertThat(call("NULLIF", 3, 3)).isNull();
        assertThat(call("NULLIF", 3, 4L)).isEqualTo(3);
        assertThat(call("NULLIF", null, 4)).isNull();
        assertThat(call("ISNULL", (Object) null)).isEqualTo(true);
        assertThat(call("ISNOTNULL", "")).isEqualTo(true);
    }

    @Test
    void greatestAndLeastAreNullWhenAnyArgumentIs() {
        assertThat(call("GREATEST", 1, 5L, 3)).isEqualTo(5L);
        assertThat(call("LEAST", 1, 5L, 3)).isEqualTo(1);
        assertThat(call("GREATEST", "apple", "banana")).isEqualTo("banana");
        assertThat(call("GREATEST", 2, 2.5)).isEqualTo(2.5);
        assertThat(call("LEAST", LocalDate.of(2025, 1, 2), LocalDate.of(2024, 5, 6))).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(call("GREATEST", 1, null, 3)).isNull();
    }

    @Test
    void polymorphicResultsAreCoercedToTheDeclaredType() {
        ScalarFunction f = HiveFunctions.instantiate("IF", ColumnType.DOUBLE).orElseThrow();
        assertThat(f.apply(new Object[] {true, 1, 2.5})).isEqualTo(1.0);
        ScalarFunction nvl = HiveFunctions.instantiate("NVL", ColumnType.STRING).orElseThrow();
        assertThat(nvl.apply(new Object[] {null, 7})).isEqualTo("7");
        ScalarFunction abs = HiveFunctions.instantiate("ABS", ColumnType.BIGINT).orElseThrow();
        assertThat(abs.apply(new Object[] {-3})).isEqualTo(3L);
        ScalarFunction coalesce = HiveFunctions.instantiate("COALESCE", ColumnType.BIGINT).orElseThrow();
        assertThat(coalesce.apply(new Object[] {null, null})).isNull();
    }

    @Test
    void unknownFunctionsAreEmptyAndNamesAreCaseInsensitive() {
        assertThat(HiveFunctions.instantiate("NO_SUCH_FUNCTION")).isEmpty();
        assertThat(HiveFunctions.instantiate("substr")).isPresent();
        assertThat(HiveFunctions.names()).contains("SUBSTR", "REGEXP_EXTRACT", "UNIX_TIMESTAMP", "PARSE_URL");
    }
}
