package io.quarry.dfs.namenode.namespace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;

/**
 * A user's groups: from {@code quarry.security.groups.<user>=g1,g2} when configured, else from the
 * OS ({@code id -Gn <user>}), cached; a failed lookup means no groups.
 */
public final class GroupResolver {
    private static final Logger LOG = LoggerFactory.getLogger(GroupResolver.class);
    public static final String STATIC_PREFIX = "quarry.security.groups.";

    private final Map<String, List<String>> staticGroups = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public GroupResolver(Configuration conf) {
        for (String key : conf.keys()) {
            if (key.startsWith(STATIC_PREFIX)) {
                String user = key.substring(STATIC_PREFIX.length());
                staticGroups.put(user, Arrays.stream(conf.get(key).split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList());
            }
        }
    }

    /** True when {@link #groups} answers from configuration or the cache, without asking the OS. */
    public boolean isResolved(String user) {
        return !staticGroups.isEmpty() || cache.containsKey(user);
    }

    public List<String> groups(String user) {
        List<String> configured = staticGroups.get(user);
        if (configured != null) {
            return configured;
        }
        if (!staticGroups.isEmpty()) {
            return List.of();
        }
        return cache.computeIfAbsent(user, GroupResolver::fromOs);
    }

    private static List<String> fromOs(String user) {
        if (!user.matches("[A-Za-z0-9._-][A-Za-z0-9._@-]*")) {
            return List.of();
        }
        try {
            Process process = new ProcessBuilder("id", "-Gn", user).redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                LOG.debug("id -Gn {} failed: {}", user, out);
                return List.of();
            }
            return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
        } catch (IOException e) {
            LOG.debug("Cannot resolve the groups of {}", user, e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
