package io.quarry.sql.parse;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/** Calcite's BABEL conformance, but a CASE or UNION over strings of different lengths is VARCHAR, as in Hive. */
public final class HiveConformance extends SqlDelegatingConformance {
    public static final HiveConformance INSTANCE = new HiveConformance();

    private HiveConformance() {
        super(SqlConformanceEnum.BABEL);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public boolean isGroupByOrdinal() {
        return true;
    }

    @Override
    public boolean isSortByOrdinal() {
        return true;
    }
}
