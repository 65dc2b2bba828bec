package io.quarry.cli.job;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;

/**
 * {@code quarry jar [--local] JAR [MainClass] args...}: runs a job jar's driver with the jar on
 * the class path and the command's configuration. A driver that is a {@link Tool} runs through
 * {@link ToolRunner} and its return value is the exit code; otherwise its {@code main} is called.
 */
public final class JarCommand implements Command {
    @Override
    public String name() {
        return "jar";
    }

    @Override
    public String summary() {
        return "Run a job jar (its Main-Class, or the class named after the jar)";
    }

    @Override
    public String usage() {
        return "Usage: quarry jar [--local] <jar> [<main class>] [-D key=value ...] [args...]\n"
                + "  --local       run the job in this process (mapreduce.framework.name=local)\n"
                + "  <jar>         the job jar; its manifest's Main-Class is the driver when present\n"
                + "  <main class>  the driver class, when the jar's manifest names none\n"
                + "With mapreduce.framework.name=cluster (in quarry-site.properties or -D), jobs go to the Scheduler at\n"
                + "quarry.scheduler.address, with this jar shipped to the workers (mapreduce.job.jar).\n"
                + "Example: quarry jar lib/quarry-jobs-examples-*.jar wordcount /in /out\n"
                + "Exit code: the driver's (0 when the job succeeded).";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        List<String> rest = new ArrayList<>(args);
        Configuration conf = context.conf();
        if (!rest.isEmpty() && rest.get(0).equals("--local")) {
            rest.remove(0);
            conf = conf.with(MapReduceConfigKeys.FRAMEWORK_NAME, "local");
        }
        if (rest.isEmpty()) {
            throw new UsageException("expected a <jar>");
        }
        Path jar = Paths.get(rest.remove(0));
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("no such jar file: " + jar);
        }
        String mainClass = manifestMainClass(jar);
        if (!conf.isSet(MapReduceConfigKeys.JOB_JAR)) {
            conf = conf.with(MapReduceConfigKeys.JOB_JAR, jar.toAbsolutePath().toString());
        }
        if (mainClass == null) {
            if (rest.isEmpty()) {
                throw new UsageException(jar + " names no Main-Class in its manifest; give the <main class>");
            }
            mainClass = rest.remove(0);
        }
        return runDriver(jar, mainClass, conf, rest.toArray(String[]::new), context);
    }

    private int runDriver(Path jar, String mainClass, Configuration conf, String[] args, CommandContext context)
            throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, JarCommand.class.getClassLoader())) {
            current.setContextClassLoader(loader);
            ToolRunner.setBaseConfiguration(conf);
            Class<?> driver;
            try {
                driver = Class.forName(mainClass, true, loader);
            } catch (ClassNotFoundException e) {
                context.io().err().println("jar: class " + mainClass + " not found in " + jar);
                return ExitCodes.ERROR;
            }
            if (Tool.class.isAssignableFrom(driver)) {
                Tool tool = (Tool) driver.getDeclaredConstructor().newInstance();
                return ToolRunner.run(tool, args);
            }
            return invokeMain(driver, args);
        } finally {
            ToolRunner.setBaseConfiguration(null);
            current.setContextClassLoader(previous);
        }
    }

    private static int invokeMain(Class<?> driver, String[] args) throws Exception {
        Method main;
        try {
            main = driver.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new UsageException(driver.getName() + " is neither a Tool nor has a public static main(String[])");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new UsageException(driver.getName() + ".main is not static");
        }
        try {
            main.invoke(null, (Object) args);
            return ExitCodes.OK;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String manifestMainClass(Path jar) throws IOException, UsageException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        } catch (ZipException e) {
            throw new UsageException("not a jar file: " + jar);
        }
    }
}
