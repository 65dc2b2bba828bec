/**
 * The SQL catalog: databases, tables and partitions persisted as files in a filesystem
 * directory ({@code quarry.sql.catalog.dir}), updated atomically one table file at a time.
 */
package io.quarry.sql.catalog;
