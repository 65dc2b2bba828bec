package io.quarry.sql.runtime;

import java.io.IOException;

import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.StagePlan;
import io.quarry.sql.runtime.step.AggregateMapStep;
import io.quarry.sql.runtime.step.Emitter;
import io.quarry.sql.runtime.step.JoinMapStep;
import io.quarry.sql.runtime.step.SortMapStep;
import io.quarry.sql.runtime.step.Step;
import io.quarry.sql.runtime.step.Steps;
import io.quarry.sql.runtime.step.TaskEnvironment;

/**
 * The map task of every SQL stage: finds its input from the split's tag, runs the input's steps
 * over each row and ends in the stage's shuffle (partial aggregate, sort key, join key) or, for a
 * map-only stage, in the output.
 */
public final class StageMapper extends Mapper<Object, Object[], Object, Object> {
    private Step head;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setup(TaskContext<Object, Object> context) throws IOException, InterruptedException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : StageMapper.class.getClassLoader();
        StagePlan plan = PlanCodec.fromConfiguration(context.configuration(), loader);
        TaggedSplit split = (TaggedSplit) context.inputSplit();
        MapInput input = plan.inputs().get(split.input());
        TaskContext raw = context;
        Emitter emitter = (key, value) -> raw.write(key, value);
        Step terminal;
        Shuffle shuffle = plan.shuffle();
        if (shuffle == null) {
            terminal = new OutputStep(value -> raw.write(NullValue.INSTANCE, value), plan.textDelimiter());
        } else if (shuffle instanceof Shuffle.Aggregate aggregate) {
            terminal = new AggregateMapStep(aggregate, emitter, context.configuration().getInt(SqlConfigKeys.MAP_AGGREGATE_GROUPS));
        } else if (shuffle instanceof Shuffle.Sort sort) {
            terminal = new SortMapStep(sort, emitter);
        } else {
            terminal = new JoinMapStep((Shuffle.Join) shuffle, input.tag(), context.taskAttemptId().toString(), emitter);
        }
        head = Steps.chain(input.ops(), terminal, new TaskEnvironment(context.configuration(), loader));
    }

    @Override
    public void map(Object key, Object[] row, TaskContext<Object, Object> context) throws IOException, InterruptedException {
        head.push(row);
    }

    @Override
    public void cleanup(TaskContext<Object, Object> context) throws IOException, InterruptedException {
        head.finish();
    }
}
