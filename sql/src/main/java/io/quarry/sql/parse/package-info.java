/**
 * HiveQL on Calcite: the babel parser set up for Hive's lexical rules, Hive's string escapes and
 * division, Hive's aggregate typing ({@link io.quarry.sql.parse.HiveTypeSystem}) and conformance.
 */
package io.quarry.sql.parse;
