package io.quarry.sql.functions;

import static io.quarry.sql.functions.Calls.call;
import static io.quarry.sql.functions.Calls.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RegexFunctionsTest {
    private static final String PREFIX = "^([0-9]+\\.[0-9]+)\\.";

    @Test
    void regexpExtractSearchesAndReturnsTheGroup() {
        assertThat(call("REGEXP_EXTRACT", "203.0.113.7", PREFIX, 1)).isEqualTo("203.0");
        assertThat(call("REGEXP_EXTRACT", "/search?q=red+shoes&page=2", "q=([^&]+)", 1)).isEqualTo("red+shoes");
        assertThat(call("REGEXP_EXTRACT", "foothebar", "foo(.*?)(bar)", 2)).isEqualTo("bar");
        assertThat(call("REGEXP_EXTRACT", "foothebar", "foo(.*?)(bar)", 0)).isEqualTo("foothebar");
        assertThat(call("REGEXP_EXTRACT", "foothebar", "the(bar)")).isEqualTo("bar");
    }

    @Test
    void regexpExtractGivesEmptyWithoutAMatchAndNullForNullInput() {
        assertThat(call("REGEXP_EXTRACT", "2001:db8::1", PREFIX, 1)).isEqualTo("");
        assertThat(call("REGEXP_EXTRACT", null, PREFIX, 1)).isNull();
        assertThat(call("REGEXP_EXTRACT", "x", null, 1)).isNull();
        assertThat(call("REGEXP_EXTRACT", "ab", "a(x)?b", 1)).isNull();
    }

    @Test
    void regexpExtractRejectsAMissingGroupAndABadPattern() {
        assertThatThrownBy(() -> call("REGEXP_EXTRACT", "abc", "a(b)", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group 2");
        assertThatThrownBy(() -> call("REGEXP_EXTRACT", "abc", "a(b", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a(b");
    }

    @Test
    void oneInstanceFollowsAPatternThatChangesFromRowToRow() {
        ScalarFunction extract = instance("REGEXP_EXTRACT");
        assertThat(extract.apply(new Object[] {"a1b2", "([0-9])", 1})).isEqualTo("1");
        assertThat(extract.apply(new Object[] {"a1b2", "b([0-9])", 1})).isEqualTo("2");
        assertThat(extract.apply(new Object[] {"a1b2", "([0-9])", 1})).isEqualTo("1");
    }

    @Test
    void regexpReplaceReplacesEveryMatchWithGroupReferences() {
        assertThat(call("REGEXP_REPLACE", "foobar", "oo|ar", "")).isEqualTo("fb");
        assertThat(call("REGEXP_REPLACE", "2025-03-10", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")).isEqualTo("10/03/2025");
        assertThat(call("REGEXP_REPLACE", "abc", "x", "y")).isEqualTo("abc");
        assertThat(call("REGEXP_REPLACE", null, "x", "y")).isNull();
        assertThat(call("REGEXP_REPLACE", "abc", "b", null)).isNull();
        assertThatThrownBy(() -> call("REGEXP_REPLACE", "abc", "b", "$9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$9");
    }

    @Test
    void rlikeFindsAMatchAnywhere() {
        assertThat(call("RLIKE", "/api/v1/users", "^/api/v[0-9]+/")).isEqualTo(true);
        assertThat(call("RLIKE", "/index.html", "\\.php$")).isEqualTo(false);
        assertThat(call("REGEXP", "abc", "b")).isEqualTo(true);
        assertThat(call("RLIKE", null, "b")).isNull();
        assertThat(call("NOT RLIKE", "abc", "b")).isEqualTo(false);
        assertThat(call("NOT RLIKE", "abc", "x")).isEqualTo(true);
        assertThat(call("NOT RLIKE", null, "x")).isNull();
    }

    @Test
    void splitKeepsTrailingEmptyPieces() {
        assertThat(call("SPLIT", "a,b,,c,", ",")).isEqualTo(List.of("a", "b", "", "c", ""));
        assertThat(call("SPLIT", "a.b", "\\.")).isEqualTo(List.of("a", "b"));
        assertThat(call("SPLIT", "", ",")).isEqualTo(List.of(""));
        assertThat(call("SPLIT", null, ",")).isNull();
    }

    @Test
    void parseUrlReadsEachPart() {
        String url = "https://user:pw@www.example.com:8443/path/p.html?k1=v1&k2=v2#frag";
        assertThat(call("PARSE_URL", url, "HOST")).isEqualTo("www.example.com");
        assertThat(call("PARSE_URL", url, "PATH")).isEqualTo("/path/p.html");
        assertThat(call("PARSE_URL", url, "QUERY")).isEqualTo("k1=v1&k2=v2");
        assertThat(call("PARSE_URL", url, "REF")).isEqualTo("frag");
        assertThat(call("PARSE_URL", url, "PROTOCOL")).isEqualTo("https");
        assertThat(call("PARSE_URL", url, "FILE")).isEqualTo("/path/p.html?k1=v1&k2=v2");
        assertThat(call("PARSE_URL", url, "AUTHORITY")).isEqualTo("user:pw@www.example.com:8443");
        assertThat(call("PARSE_URL", url, "USERINFO")).isEqualTo("user:pw");
        assertThat(call("PARSE_URL", url, "QUERY", "k2")).isEqualTo("v2");
        assertThat(call("PARSE_URL", url, "QUERY", "k3")).isNull();
        assertThat(call("PARSE_URL", url, "PATH", "k1")).isNull();
        assertThat(call("PARSE_URL", url, "host")).isNull();
    }

    @Test
    void parseUrlIsNullForWhatJavaCannotReadAsAUrl() {
        assertThat(call("PARSE_URL", "/search?q=x", "QUERY")).isNull();
        assertThat(call("PARSE_URL", "-", "HOST")).isNull();
        assertThat(call("PARSE_URL", null, "HOST")).isNull();
        assertThat(call("PARSE_URL", "http://a.example/", null)).isNull();
        assertThat(call("PARSE_URL", "http://a.example/", "QUERY")).isNull();
    }
}
