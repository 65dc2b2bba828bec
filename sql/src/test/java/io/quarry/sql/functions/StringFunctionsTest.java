package io.quarry.sql.functions;

import static io.quarry.sql.functions.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StringFunctionsTest {
    @Test
    void substrIsOneBasedAndCountsNegativeStartsFromTheEnd() {
        assertThat(call("SUBSTR", "facebook", 5)).isEqualTo("book");
        assertThat(call("SUBSTR", "facebook", 5, 1)).isEqualTo("b");
        assertThat(call("SUBSTR", "facebook", -4)).isEqualTo("book");
        assertThat(call("SUBSTR", "facebook", -4, 2)).isEqualTo("bo");
        assertThat(call("SUBSTR", "facebook", 0, 4)).isEqualTo("face");
        assertThat(call("SUBSTR", "facebook", 1, 100)).isEqualTo("facebook");
        assertThat(call("SUBSTRING", "13/Mar/2025:14:03:07 +0000", 1, 14)).isEqualTo("13/Mar/2025:14");
    }

    @Test
    void substrOutOfRangeIsEmptyAndNullArgumentsAreNull() {
        assertThat(call("SUBSTR", "abc", 4)).isEqualTo("");
        assertThat(call("SUBSTR", "abc", -4)).isEqualTo("");
        assertThat(call("SUBSTR", "abc", 1, 0)).isEqualTo("");
        assertThat(call("SUBSTR", "abc", 1, -1)).isEqualTo("");
        assertThat(call("SUBSTR", "", 1)).isEqualTo("");
        assertThat(call("SUBSTR", null, 1)).isNull();
        assertThat(call("SUBSTR", "abc", null)).isNull();
        assertThat(call("SUBSTR", "abc", 1, null)).isNull();
        assertThat(call("SUBSTR", "abc", "x")).isNull();
    }

    @Test
    void substrConvertsNumbersToStrings() {
        assertThat(call("SUBSTR", 12345, 2, 2)).isEqualTo("23");
        assertThat(call("SUBSTR", 12345L, "2", 2L)).isEqualTo("23");
    }

    @Test
    void lengthCountsCharactersAndConvertsOtherTypes() {
        assertThat(call("LENGTH", "hello")).isEqualTo(5);
        assertThat(call("LENGTH", "")).isEqualTo(0);
        assertThat(call("LENGTH", 1234)).isEqualTo(4);
        assertThat(call("LENGTH", "\uD83D\uDE00x")).isEqualTo(2);
        assertThat(call("LENGTH", (Object) null)).isNull();
        assertThat(call("CHAR_LENGTH", "ab")).isEqualTo(2);
    }

    @Test
    void concatIsNullWhenAnyArgumentIsNull() {
        assertThat(call("CONCAT", "a", "b", "c")).isEqualTo("abc");
        assertThat(call("CONCAT", "a", 1, 2.5, true)).isEqualTo("a12.5true");
        assertThat(call("CONCAT", "a", null, "c")).isNull();
        assertThat(call("CONCAT", LocalDate.of(2025, 3, 10), "!")).isEqualTo("2025-03-10!");
    }

    @Test
    void concatWsSkipsNullsAndFlattensArrays() {
        assertThat(call("CONCAT_WS", "-", "a", "b")).isEqualTo("a-b");
        assertThat(call("CONCAT_WS", "-", "a", null, "c")).isEqualTo("a-c");
        assertThat(call("CONCAT_WS", "-", null, null)).isEqualTo("");
        assertThat(call("CONCAT_WS", ",", List.of("x", "y"), "z")).isEqualTo("x,y,z");
        assertThat(call("CONCAT_WS", null, "a", "b")).isNull();
    }

    @Test
    void trimRemovesBlanksOnly() {
        assertThat(call("TRIM", "  a b  ")).isEqualTo("a b");
        assertThat(call("LTRIM", "  a b  ")).isEqualTo("a b  ");
        assertThat(call("RTRIM", "  a b  ")).isEqualTo("  a b");
        assertThat(call("TRIM", "\ta\t")).isEqualTo("\ta\t");
        assertThat(call("TRIM", "   ")).isEqualTo("");
        assertThat(call("TRIM", (Object) null)).isNull();
    }

    @Test
    void caseFunctionsIgnoreTheDefaultLocale() {
        assertThat(call("LOWER", "Mozilla/5.0 BOT")).isEqualTo("mozilla/5.0 bot");
        assertThat(call("UPPER", "title")).isEqualTo("TITLE");
        assertThat(call("LCASE", "ABC")).isEqualTo("abc");
        assertThat(call("UCASE", "abc")).isEqualTo("ABC");
        assertThat(call("INITCAP", "hello WORLD  x")).isEqualTo("Hello World  X");
        assertThat(call("LOWER", (Object) null)).isNull();
    }

    @Test
    void instrAndLocateAreOneBasedWithZeroForAbsent() {
        assertThat(call("INSTR", "Facebook", "boo")).isEqualTo(5);
        assertThat(call("INSTR", "Facebook", "x")).isEqualTo(0);
        assertThat(call("INSTR", null, "x")).isNull();
        assertThat(call("LOCATE", "bar", "foobarbar")).isEqualTo(4);
        assertThat(call("LOCATE", "bar", "foobarbar", 5)).isEqualTo(7);
        assertThat(call("LOCATE", "bar", "foobarbar", 0)).isEqualTo(0);
        assertThat(call("LOCATE", "bar", "foobarbar", 100)).isEqualTo(0);
        assertThat(call("LOCATE", "x", null)).isNull();
    }

    @Test
    void padsTruncateOrRepeatThePadding() {
        assertThat(call("LPAD", "hi", 5, "??")).isEqualTo("???hi");
        assertThat(call("RPAD", "hi", 5, "ab")).isEqualTo("hiaba");
        assertThat(call("LPAD", "hello", 2, "x")).isEqualTo("he");
        assertThat(call("RPAD", "hello", 0, "x")).isEqualTo("");
        assertThat(call("LPAD", "hi", -1, "x")).isNull();
        assertThat(call("LPAD", "hi", 5, "")).isNull();
        assertThat(call("LPAD", null, 5, "x")).isNull();
        assertThat(call("LPAD", 7, 3, 0)).isEqualTo("007");
    }

    @Test
    void reverseRepeatSpaceAscii() {
        assertThat(call("REVERSE", "abc")).isEqualTo("cba");
        assertThat(call("REPEAT", "ab", 3)).isEqualTo("ababab");
        assertThat(call("REPEAT", "ab", -1)).isEqualTo("");
        assertThat(call("REPEAT", null, 2)).isNull();
        assertThat(call("SPACE", 3)).isEqualTo("   ");
        assertThat(call("ASCII", "A")).isEqualTo(65);
        assertThat(call("ASCII", "")).isEqualTo(0);
    }

    @Test
    void findInSetReplaceTranslateSubstringIndex() {
        assertThat(call("FIND_IN_SET", "ab", "abc,b,ab,c,def")).isEqualTo(3);
        assertThat(call("FIND_IN_SET", "x", "a,b")).isEqualTo(0);
        assertThat(call("FIND_IN_SET", "a,b", "a,b")).isEqualTo(0);
        assertThat(call("FIND_IN_SET", "", "a,,b")).isEqualTo(2);
        assertThat(call("REPLACE", "a.b.c", ".", "-")).isEqualTo("a-b-c");
        assertThat(call("TRANSLATE", "abcde", "bd", "x")).isEqualTo("axce");
        assertThat(call("SUBSTRING_INDEX", "www.apache.org", ".", 2)).isEqualTo("www.apache");
        assertThat(call("SUBSTRING_INDEX", "www.apache.org", ".", -2)).isEqualTo("apache.org");
        assertThat(call("SUBSTRING_INDEX", "www.apache.org", ".", 5)).isEqualTo("www.apache.org");
        assertThat(call("SUBSTRING_INDEX", "www.apache.org", ".", -5)).isEqualTo("www.apache.org");
        assertThat(call("SUBSTRING_INDEX", "www.apache.org", ".", 0)).isEqualTo("");
    }
}
