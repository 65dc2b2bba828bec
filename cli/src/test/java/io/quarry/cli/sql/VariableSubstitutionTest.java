package io.quarry.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VariableSubstitutionTest {
    private final Map<String, String> variables = new HashMap<>(Map.of("day", "2025-03-10", "nested", "${day}!"));
    private final VariableSubstitution substitution = new VariableSubstitution(variables,
            name -> name.equals("DATA") ? "/data/64m" : null,
            key -> key.equals("quarry.sql.catalog.dir") ? "/catalog" : null);

    private String apply(String text) {
        return substitution.substitute(text).text();
    }

    @Test
    void substitutesEachKindOfReference() {
        assertThat(apply("LOCATION '${env:DATA}/logs'")).isEqualTo("LOCATION '/data/64m/logs'");
        assertThat(apply("WHERE d = '${hivevar:day}' OR d = '${day}'")).isEqualTo("WHERE d = '2025-03-10' OR d = '2025-03-10'");
        assertThat(apply("${hiveconf:quarry.sql.catalog.dir} ${quarry.sql.catalog.dir}")).isEqualTo("/catalog /catalog");
        System.setProperty("quarry.test.substitution", "sys");
        assertThat(apply("${system:quarry.test.substitution}")).isEqualTo("sys");
    }

    @Test
    void unknownReferencesAndNonReferencesStayAsWritten() {
        assertThat(apply("${env:NOPE} ${missing} ${} $x ${a b} $")).isEqualTo("${env:NOPE} ${missing} ${} $x ${a b} $");
    }

    @Test
    void valuesAreSubstitutedInTurn() {
        assertThat(apply("${nested}")).isEqualTo("2025-03-10!");
        variables.put("loop", "${loop}");
        assertThat(apply("${loop}")).isEqualTo("${loop}");
    }

    @Test
    void eachResultCharacterKnowsItsSourceOffset() {
        String input = "a${day}b";
        VariableSubstitution.Result result = substitution.substitute(input);
        assertThat(result.text()).isEqualTo("a2025-03-10b");
        assertThat(result.sourceOffset(0, input.length())).isEqualTo(0);
        assertThat(result.sourceOffset(5, input.length())).isEqualTo(1);
        assertThat(result.sourceOffset(11, input.length())).isEqualTo(7);
        assertThat(result.sourceOffset(12, input.length())).isEqualTo(input.length());
    }
}
