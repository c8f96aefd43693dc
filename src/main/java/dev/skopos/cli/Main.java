package dev.skopos.cli;

import picocli.CommandLine;

/** Entry point: picocli parses, {@link SkoposCommand} runs, the exit code goes to the shell. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Libraries (fabric8, Caffeine) log through java.util.logging: to the log file, never the terminal.
        FileLogging.install(dev.skopos.config.XdgPaths.fromEnvironment().logFile());
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree as the shell runs it, with analyze's bad-usage exit code (istioctl's 64). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SkoposCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            if (!(e.getCommandLine().getCommand() instanceof AnalyzeCommand)) {
                return standard.handleParseException(e, args);
            }
            // istioctl wraps every flag error in CommandParseError, which exits 64.
            e.getCommandLine().getErr().println("skopos: " + e.getMessage() + " (see skopos analyze --help)");
            e.getCommandLine().getErr().flush();
            return AnalyzeCommand.EXIT_USAGE;
        });
        return cli;
    }
}
