package io.quarry.cli.conf;

import java.util.List;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.common.conf.KnownKeys;

/** Hidden {@code quarry conf-template}: prints the generated {@code quarry-site.properties}. */
public final class ConfTemplateCommand implements Command {
    @Override
    public String name() {
        return "conf-template";
    }

    @Override
    public String summary() {
        return "Print a quarry-site.properties listing every known key with its default";
    }

    @Override
    public String usage() {
        return "Usage: quarry conf-template > conf/quarry-site.properties\n"
                + "  Prints every configuration key of the modules on the class path, commented out, with its\n"
                + "  default value and meaning, grouped by prefix.";
    }

    @Override
    public boolean hidden() {
        return true;
    }

    @Override
    public int run(CommandContext context, List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments, got " + args);
        }
        context.io().out().print(ConfTemplate.render(KnownKeys.load().all()));
        return ExitCodes.OK;
    }
}
