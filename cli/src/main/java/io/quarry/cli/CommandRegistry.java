package io.quarry.cli;

import io.quarry.common.conf.EditDistance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.cli.admin.DfsAdminCommand;
import io.quarry.cli.admin.FsckCommand;
import io.quarry.cli.conf.ConfTemplateCommand;
import io.quarry.cli.daemon.DaemonCommand;
import io.quarry.cli.dfs.DfsCommand;
import io.quarry.cli.ha.HaAdminCommand;
import io.quarry.cli.job.JarCommand;
import io.quarry.cli.job.JobCommand;
import io.quarry.cli.local.LocalCommand;
import io.quarry.cli.sql.SqlCommand;
import io.quarry.common.ha.StandaloneZooKeeper;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.worker.WorkerDaemon;

/**
 * The subcommands by name, in the order {@code quarry help} lists them. Later capabilities
 * ({@code job}, {@code sql}, {@code scheduler}, {@code worker}, {@code haadmin},
 * {@code zookeeper}) register here.
 */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public static CommandRegistry standard() {
        CommandRegistry registry = new CommandRegistry();
        registry.register(new HelpCommand(registry));
        registry.register(new VersionCommand());
        registry.register(new DfsCommand());
        registry.register(new FsckCommand());
        registry.register(new DfsAdminCommand());
        registry.register(new JarCommand());
        registry.register(new JobCommand());
        registry.register(new LocalCommand());
        registry.register(new SqlCommand());
        registry.register(new HaAdminCommand());
        registry.register(DaemonCommand.nameNode());
        registry.register(DaemonCommand.dataNode());
        registry.register(new DaemonCommand(SchedulerDaemon.ROLE, "Run the MapReduce Scheduler in the foreground",
                SchedulerDaemon::start));
        registry.register(new DaemonCommand(WorkerDaemon.ROLE, "Run a MapReduce Worker in the foreground",
                WorkerDaemon::start));
        registry.register(new DaemonCommand(StandaloneZooKeeper.ROLE,
                "Run a standalone ZooKeeper server in the foreground", StandaloneZooKeeper::start));
        registry.register(new ConfTemplateCommand());
        return registry;
    }

    public CommandRegistry register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("Command '" + command.name() + "' is registered twice");
        }
        return this;
    }

    public Command find(String name) {
        return commands.get(name);
    }

    public List<Command> all() {
        return Collections.unmodifiableList(new ArrayList<>(commands.values()));
    }

    /** {@code " (did you mean 'dfs'?)"} when a listed command is one or two edits away, else empty. */
    String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (Command command : commands.values()) {
            if (command.hidden()) {
                continue;
            }
            int distance = EditDistance.between(name, command.name());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = command.name();
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
