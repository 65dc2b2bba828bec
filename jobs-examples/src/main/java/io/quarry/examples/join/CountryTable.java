package io.quarry.examples.join;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ip-prefix → country table: lines {@code prefix<TAB>country_code<TAB>country_name<TAB>continent}.
 * A join emits {@code country_code<TAB>country_name} beside each matching log line.
 */
public final class CountryTable {
    /** Configuration key holding the table's path (a file or a directory of files). */
    public static final String TABLE_PATH = "quarry.job.join.table";

    private CountryTable() {
    }

    /** The join key of a table line (its prefix), or null when the line is not a table row. */
    public static String prefixOf(String line) {
        int tab = line.indexOf('\t');
        return tab <= 0 ? null : line.substring(0, tab);
    }

    /** What a join emits for the country of a table line: {@code country_code<TAB>country_name}; null if malformed. */
    public static String countryOf(String line) {
        String[] fields = line.split("\t", -1);
        return fields.length < 3 ? null : fields[1] + '\t' + fields[2];
    }

    /** Reads the whole table at {@code path} into prefix → {@code country_code<TAB>country_name}. */
    public static Map<String, String> load(Path path, Configuration conf) throws IOException {
        Map<String, String> countries = new HashMap<>();
        try (FileSystem fs = FileSystem.get(path, conf)) {
            List<FileStatus> files = fs.getFileStatus(path).isDirectory() ? fs.listStatus(path) : List.of(fs.getFileStatus(path));
            for (FileStatus file : files) {
                readInto(fs, file, countries);
            }
        }
        return countries;
    }

    private static void readInto(FileSystem fs, FileStatus file, Map<String, String> countries) throws IOException {
        if (file.isDirectory() || file.path().name().startsWith("_") || file.path().name().startsWith(".")) {
            return;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(file.path()), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String prefix = prefixOf(line);
                String country = countryOf(line);
                if (prefix == null || country == null) {
                    throw new IOException("expected 'prefix<TAB>code<TAB>name<TAB>continent' at " + file.path()
                            + " line " + number + ", got: " + line);
                }
                countries.put(prefix, country);
            }
        }
    }
}
