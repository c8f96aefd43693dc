package dev.skopos.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code skopos ARGS} in process, as a shell would, and keeps what it printed and its exit code. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SkoposCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new CliRun(cli.execute(args), out.toString(), err.toString());
    }

    /** The same, for tests that import it statically. */
    static CliRun run(String... args) {
        return of(args);
    }
}
