/**
 * Hive's scalar function library: {@link io.quarry.sql.functions.HiveFunctions} declares each function
 * to Calcite (operand checks, Hive return types) and makes runtime instances
 * ({@link io.quarry.sql.functions.ScalarFunction}) with Hive's semantics over the runtime values of
 * {@link io.quarry.sql.format.ColumnType}. Standard operators (arithmetic, comparison, CASE, CAST, LIKE,
 * ...) are the engine's; every other named function is here.
 */
package io.quarry.sql.functions;
