/**
 * Table formats: turning one text line of a table's file into a row of typed values with Hive's
 * semantics (DELIMITED, RegexSerDe, JSON lines). A field that does not parse as its column's type
 * is NULL; no line makes a deserializer throw.
 */
package io.quarry.sql.format;
