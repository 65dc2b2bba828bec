package io.quarry.sql.plan;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;

/** A catalog table as Calcite sees it: its data columns then its partition columns, all nullable. */
public final class CatalogTable extends AbstractTable {
    private final TableDefinition definition;

    public CatalogTable(TableDefinition definition) {
        this.definition = requireNonNull(definition, "definition is null");
    }

    public TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Column column : definition.allColumns()) {
            builder.add(column.name(), typeFactory.createTypeWithNullability(sqlType(typeFactory, column.type()), true));
        }
        return builder.build();
    }

    static RelDataType sqlType(RelDataTypeFactory typeFactory, ColumnType type) {
        return switch (type) {
            case STRING -> typeFactory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
            case INT -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 9);
            case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
        };
    }
}
