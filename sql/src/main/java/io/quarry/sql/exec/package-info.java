/**
 * Running SQL as MapReduce: {@link io.quarry.sql.exec.TableInputFormat} reads a catalog table's
 * files as rows (decoded by the table's format, partition values appended), configured for a job
 * by {@link io.quarry.sql.exec.TableScanJobs}.
 */
package io.quarry.sql.exec;
