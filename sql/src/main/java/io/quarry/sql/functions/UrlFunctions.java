package io.quarry.sql.functions;

import static io.quarry.sql.functions.ArgKind.STRING;
import static io.quarry.sql.functions.HiveValues.toStr;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlFunctionCategory;

/** Hive's parse_url, with java.net.URL's reading of a URL (a URL it rejects gives NULL). */
final class UrlFunctions {
    private UrlFunctions() {
    }

    static List<HiveFunction> all() {
        return List.of(HiveFunction.of("PARSE_URL", SqlFunctionCategory.STRING, HiveReturnTypes.STRING,
                HiveSignature.withOptional(List.of(STRING, STRING), STRING), ParseUrl::new));
    }

    /**
     * parse_url(url, part[, key]) with part one of HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY,
     * USERINFO (case-sensitive, as Hive; another part gives NULL). With a key (QUERY only) the value of that
     * query parameter, or NULL.
     */
    static final class ParseUrl implements ScalarFunction {
        private String lastUrlText;
        private URL lastUrl;
        private String lastKey;
        private Pattern keyPattern;

        @Override
        public Object apply(Object[] args) {
            String text = toStr(args[0]);
            String part = toStr(args[1]);
            if (text == null || part == null) {
                return null;
            }
            if (args.length > 2) {
                String key = toStr(args[2]);
                if (key == null || !part.equals("QUERY")) {
                    return null;
                }
                String query = part(text, part);
                return query == null ? null : queryValue(query, key);
            }
            return part(text, part);
        }

        private String part(String text, String part) {
            URL url = parse(text);
            if (url == null) {
                return null;
            }
            return switch (part) {
                case "HOST" -> url.getHost();
                case "PATH" -> url.getPath();
                case "QUERY" -> url.getQuery();
                case "REF" -> url.getRef();
                case "PROTOCOL" -> url.getProtocol();
                case "FILE" -> url.getFile();
                case "AUTHORITY" -> url.getAuthority();
                case "USERINFO" -> url.getUserInfo();
                default -> null;
            };
        }

        private URL parse(String text) {
            if (!text.equals(lastUrlText)) {
                lastUrlText = text;
                try {
                    lastUrl = new URL(text);
                } catch (MalformedURLException e) {
                    lastUrl = null;
                }
            }
            return lastUrl;
        }

        /** Hive finds "(&|^)key=([^&]*)" in the query, with the key read as a regex. */
        private String queryValue(String query, String key) {
            if (keyPattern == null || !key.equals(lastKey)) {
                keyPattern = new PatternCache("parse_url").get("(&|^)" + key + "=([^&]*)");
                lastKey = key;
            }
            Matcher matcher = keyPattern.matcher(query);
            return matcher.find() ? matcher.group(2) : null;
        }
    }
}
