/**
 * Hive table DDL: a small parser for CREATE [EXTERNAL] TABLE, DROP TABLE, SHOW TABLES, DESCRIBE and
 * MSCK [REPAIR] TABLE (partition discovery, {@link io.quarry.sql.ddl.PartitionRepair})
 * (Calcite has no grammar for Hive's ROW FORMAT / STORED AS clauses), and an executor that applies
 * the statements to the {@link io.quarry.sql.catalog.Catalog}.
 */
package io.quarry.sql.ddl;
