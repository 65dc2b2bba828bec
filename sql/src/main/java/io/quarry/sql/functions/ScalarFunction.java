package io.quarry.sql.functions;

/**
 * One evaluation of a Hive scalar function. Arguments and the result are the values of
 * {@link io.quarry.sql.format.ColumnType} ({@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.LocalDateTime}, {@link java.time.LocalDate}; null is SQL NULL), plus
 * {@link java.util.List} for arrays. An instance is used by one thread; it may cache what it derives from
 * constant arguments (compiled patterns, date formats).
 */
@FunctionalInterface
public interface ScalarFunction {
    Object apply(Object[] args);
}
