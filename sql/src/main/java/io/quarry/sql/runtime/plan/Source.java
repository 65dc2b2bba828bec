package io.quarry.sql.runtime.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Where the rows of a stage input come from. */
public sealed interface Source extends Serializable {
    /** A catalog table: the job settings of a {@code TableInputFormat} scan (directories, format, columns). */
    record Table(String tableName, Map<String, String> scanSettings, long bytes) implements Source {
        @Override
        public String toString() {
            return "scan " + tableName;
        }
    }

    /** The rows an earlier stage wrote. */
    record StageOutput(int stage, String directory) implements Source {
        @Override
        public String toString() {
            return "output of stage " + stage;
        }
    }

    /** Constant rows (a query without FROM, or VALUES). */
    record Rows(List<Object[]> rows) implements Source {
        @Override
        public String toString() {
            return rows.size() + " constant rows";
        }
    }
}
