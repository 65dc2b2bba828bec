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

    /** A SELECT item may not refer to an alias of another (Hive does not allow it, and unknown columns must stay unknown). */
    @Override
    public SelectAliasLookup isSelectAlias() {
        return SelectAliasLookup.UNSUPPORTED;
    }

    /** Every SELECT column of an aggregate query must be grouped or aggregated, as in Hive. */
    @Override
    public boolean isNonStrictGroupBy() {
        return false;
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
