package io.quarry.sql.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Base64;

import io.quarry.common.conf.Configuration;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.runtime.plan.StagePlan;

/** A stage plan as the text value of {@code quarry.sql.stage.plan} (Java serialization, Base64). */
public final class PlanCodec {
    private PlanCodec() {
    }

    public static String encode(StagePlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize the plan of stage " + plan.id() + ": " + e, e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static StagePlan decode(String text, ClassLoader loader) {
        byte[] bytes = Base64.getDecoder().decode(text);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (StagePlan) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the stage plan in " + SqlConfigKeys.STAGE_PLAN.name() + ": " + e, e);
        }
    }

    public static StagePlan fromConfiguration(Configuration conf, ClassLoader loader) {
        String text = conf.getString(SqlConfigKeys.STAGE_PLAN);
        if (text == null) {
            throw new IllegalArgumentException("Job has no SQL stage plan: " + SqlConfigKeys.STAGE_PLAN.name() + " is not set");
        }
        return decode(text, loader);
    }
}
