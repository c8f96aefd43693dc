package dev.skopos.cli;

import picocli.CommandLine;

/** Entry point: picocli parses, {@link SkoposCommand} runs, the exit code goes to the shell. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new SkoposCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
