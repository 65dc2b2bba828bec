/**
 * The entry point of the SQL engine: a {@link io.quarry.sql.session.SqlSession} runs one statement
 * at a time (DDL against the catalog, queries as MapReduce stages) and returns a
 * {@link io.quarry.sql.session.StatementResult}.
 */
package io.quarry.sql.session;
