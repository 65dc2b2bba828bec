package io.quarry.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The declarations as Calcite's validator sees them, chained before the standard table. */
@Timeout(30)
class HiveFunctionDeclarationsTest {
    private static RelDataType validate(String select) throws Exception {
        SchemaPlus root = Frameworks.createRootSchema(true);
        root.add("T", new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory f) {
                return f.builder()
                        .add("S", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true))
                        .add("I", f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true))
                        .add("B", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true))
                        .add("D", f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), true))
                        .add("TS", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP), true))
                        .add("DT", f.createTypeWithNullability(f.createSqlType(SqlTypeName.DATE), true))
                        .add("FLAG", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BOOLEAN), true))
                        .build();
            }
        });
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .defaultSchema(root)
                .operatorTable(SqlOperatorTables.chain(HiveFunctions.operatorTable(), SqlStdOperatorTable.instance()))
                .build();
        Planner planner = Frameworks.getPlanner(config);
        SqlNode parsed = HiveCallRewriter.rewrite(planner.parse(select));
        return planner.validateAndGetType(parsed).right;
    }

    private static List<SqlTypeName> types(RelDataType row) {
        return row.getFieldList().stream().map(RelDataTypeField::getType).map(RelDataType::getSqlTypeName).toList();
    }

    @Test
    void hiveReturnTypes() throws Exception {
        RelDataType row = validate("SELECT substr(s, 1, 2), length(s), regexp_extract(s, 'a(b)', 1),"
                + " unix_timestamp(s, 'dd/MMM/yyyy'), from_unixtime(b), to_date(s), year(s), hour(ts),"
                + " concat_ws('-', s, s), split(s, ','), parse_url(s, 'HOST'), datediff(s, dt), date_add(dt, 1),"
                + " round(i), round(d, 1), abs(b), pow(i, 2), instr(s, 'x'), upper(s), rlike(s, 'x')"
                + " FROM t");
        assertThat(types(row)).containsExactly(SqlTypeName.VARCHAR, SqlTypeName.INTEGER, SqlTypeName.VARCHAR,
                SqlTypeName.BIGINT, SqlTypeName.VARCHAR, SqlTypeName.DATE, SqlTypeName.INTEGER, SqlTypeName.INTEGER,
                SqlTypeName.VARCHAR, SqlTypeName.ARRAY, SqlTypeName.VARCHAR, SqlTypeName.INTEGER, SqlTypeName.DATE,
                SqlTypeName.INTEGER, SqlTypeName.DOUBLE, SqlTypeName.BIGINT, SqlTypeName.DOUBLE,
                SqlTypeName.INTEGER, SqlTypeName.VARCHAR, SqlTypeName.BOOLEAN);
        assertThat(row.getFieldList()).allMatch(field -> field.getType().isNullable());
    }

    @Test
    void theDailyTrafficExpressionIsADate() throws Exception {
        RelDataType row = validate("SELECT to_date(from_unixtime(unix_timestamp(s, 'dd/MMM/yyyy:HH:mm:ss Z')))"
                + " FROM t GROUP BY to_date(from_unixtime(unix_timestamp(s, 'dd/MMM/yyyy:HH:mm:ss Z')))");
        assertThat(types(row)).containsExactly(SqlTypeName.DATE);
    }

    @Test
    void polymorphicFunctionsTakeTheCommonType() throws Exception {
        RelDataType row = validate("SELECT if(flag, i, d), nvl(s, 'x'), coalesce(i, b), greatest(i, b, 3),"
                + " nullif(b, 0), if(flag, 'a', 'bcd') FROM t");
        assertThat(types(row)).containsExactly(SqlTypeName.DOUBLE, SqlTypeName.VARCHAR, SqlTypeName.BIGINT,
                SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.VARCHAR);
    }

    @Test
    void arrayFunctionsTakeArrays() throws Exception {
        RelDataType row = validate("SELECT size(split(s, ',')), array_contains(split(s, ','), 'a'),"
                + " concat_ws('|', split(s, ',')), format_number(d, 2) FROM t");
        assertThat(types(row)).containsExactly(SqlTypeName.INTEGER, SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR,
                SqlTypeName.VARCHAR);
        assertThatThrownBy(() -> validate("SELECT size(s) FROM t")).hasStackTraceContaining("SIZE(<ARRAY>)");
    }

    @Test
    void infixRlikeValidatesAsABoolean() throws Exception {
        assertThat(types(validate("SELECT s RLIKE '^a', s NOT RLIKE 'b', rlike(s, 'c') FROM t")))
                .containsExactly(SqlTypeName.BOOLEAN, SqlTypeName.BOOLEAN, SqlTypeName.BOOLEAN);
    }

    @Test
    void aWrongOperandTypeNamesTheFunctionAndItsForms() {
        assertThatThrownBy(() -> validate("SELECT substr(flag, 1) FROM t"))
                .hasStackTraceContaining("SUBSTR(<STRING>, <NUMERIC>[, <NUMERIC>])");
        assertThatThrownBy(() -> validate("SELECT if(s, 1, 2) FROM t"))
                .hasStackTraceContaining("Cannot apply 'IF'");
        assertThatThrownBy(() -> validate("SELECT to_date(i) FROM t"))
                .hasStackTraceContaining("TO_DATE(<DATE|TIMESTAMP|STRING>)");
    }

    @Test
    void aWrongOperandCountIsRejected() {
        assertThatThrownBy(() -> validate("SELECT regexp_extract(s) FROM t"))
                .hasStackTraceContaining("REGEXP_EXTRACT");
        assertThatThrownBy(() -> validate("SELECT concat_ws('-') FROM t"))
                .hasStackTraceContaining("CONCAT_WS");
    }

    @Test
    void floorCeilAndTrimBecomeHivesAfterRewriting() throws Exception {
        RelDataType row = validate("SELECT floor(d), ceil(d), ceiling(i), floor(s), trim(s), trim(leading ' ' from s),"
                + " trim(trailing from s), trim(both 'x' from s), floor(ts to day) FROM t");
        assertThat(types(row)).containsExactly(SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT,
                SqlTypeName.BIGINT, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR,
                SqlTypeName.TIMESTAMP);
        SqlNode rewritten = HiveCallRewriter.rewrite(Frameworks.getPlanner(Frameworks.newConfigBuilder().build())
                .parse("SELECT floor(d), trim(s), trim(leading ' ' from s), trim(both 'x' from s) FROM t"));
        assertThat(rewritten.toString()).contains("FLOOR(`D`)").contains("TRIM(`S`)").contains("LTRIM(`S`)")
                .contains("TRIM(BOTH 'x' FROM `S`)");
    }

    @Test
    void functionsWithTheirOwnGrammarAreAvailableForRewriting() {
        assertThat(HiveFunctions.declaration("floor")).get().extracting(op -> op.getName()).isEqualTo("FLOOR");
        assertThat(HiveFunctions.declaration("NO_SUCH")).isEmpty();
    }

    @Test
    void everyRuntimeFunctionIsDeclared() {
        assertThat(HiveFunctions.operatorTable().getOperatorList().stream().map(op -> op.getName()).distinct())
                .containsExactlyInAnyOrderElementsOf(HiveFunctions.names());
    }
}
