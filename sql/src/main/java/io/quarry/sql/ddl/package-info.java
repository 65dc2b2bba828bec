/**
 * Hive DDL: a small parser for CREATE [EXTERNAL] TABLE, DROP TABLE, ALTER TABLE … ADD/DROP PARTITION,
 * SHOW TABLES, DESCRIBE, MSCK [REPAIR] TABLE (partition discovery, {@link io.quarry.sql.ddl.PartitionRepair})
 * and CREATE/DROP/SHOW/USE/DESCRIBE DATABASE ({@link io.quarry.sql.ddl.DatabaseStatements})
 * (Calcite has no grammar for Hive's ROW FORMAT / STORED AS clauses), and an executor that applies
 * the statements to the {@link io.quarry.sql.catalog.Catalog}.
 */
package io.quarry.sql.ddl;
