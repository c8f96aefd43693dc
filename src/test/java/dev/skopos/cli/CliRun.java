package dev.skopos.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code skopos ...} command line run in-process: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new SkoposCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new CliRun(cli.execute(args), out.toString(), err.toString());
    }
}
