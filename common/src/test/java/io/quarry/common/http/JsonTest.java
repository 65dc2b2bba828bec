package io.quarry.common.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class JsonTest {
    @Test
    void stringsAreEscaped() {
        String nasty = "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 unicode é 日";
        String json = Json.write(nasty);
        assertThat(json).isEqualTo("\"quote \\\" backslash \\\\ newline \\n tab \\t cr \\r bell \\u0007 nul \\u0000 unicode é 日\"");
        assertThat(JsonChecker.parse(json)).isEqualTo(nasty);
    }

    @Test
    void nestedValuesWriteValidJson() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("role", "namenode");
        status.put("live", 3);
        status.put("ratio", 0.5);
        status.put("safe\"mode", false);
        status.put("nothing", null);
        status.put("nodes", List.of(Map.of("addr", "127.0.0.2:9866"), "x"));
        status.put("empty", Map.of());
        String json = Json.write(status);
        assertThat(json).isEqualTo("{\"role\":\"namenode\",\"live\":3,\"ratio\":0.5,\"safe\\\"mode\":false,\"nothing\":null,"
                + "\"nodes\":[{\"addr\":\"127.0.0.2:9866\"},\"x\"],\"empty\":{}}");
        assertThat(JsonChecker.parse(json)).isInstanceOf(Map.class);
    }

    @Test
    void nonFiniteNumbersBecomeNullSoTheDocumentStaysValid() {
        String json = Json.write(Map.of("a", List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5)));
        assertThat(json).isEqualTo("{\"a\":[null,null,null,1.5]}");
        JsonChecker.parse(json);
    }

    @Test
    void otherObjectsAreWrittenAsTheirText() {
        assertThat(Json.write(java.time.Duration.ofSeconds(3))).isEqualTo("\"PT3S\"");
        assertThat(Json.write(Map.of(7, "seven"))).isEqualTo("{\"7\":\"seven\"}");
    }

    @Test
    void htmlPageEscapesMarkup() {
        String html = Json.toHtml("name<node>", Map.of("<script>", "a & b"));
        assertThat(html).contains("Quarry name&lt;node&gt;").contains("&lt;script&gt;").contains("a &amp; b")
                .doesNotContain("<script>");
    }
}
