package io.quarry.scheduler.client;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import java.util.List;

/** Where a job client stages the jobs it submits to the cluster. */
public final class ClusterClientConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey STAGING_ROOT = ConfigKey.string("mapreduce.jobtracker.staging.root.dir", "/tmp/quarry/staging",
            "Where job clients stage submitted jobs (jar and configuration), one directory per job under <root>/<user>/; "
                    + "in the default filesystem unless the path names another. Removed when the job ends.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(STAGING_ROOT);
    }
}
