package dev.skopos.cli;

import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FILES of {@code analyze}, gathered as istioctl's gatherFiles does: {@code -} is stdin, a
 * directory gives its files (its sub-directories only with {@code -R}, walked in lexical order like
 * Go's filepath.Walk), and a file without a .json/.yaml/.yml extension is skipped with a note. A
 * file that cannot be parsed is reported and counted, and the others are still analyzed.
 */
final class ManifestFiles {

    /** istioctl's message lists the extensions as Go prints a string slice. */
    private static final String EXTENSIONS = "[.json .yaml .yml]";

    /**
     * @param names       every file read, as named on the command line or found in a directory
     * @param resources   their objects, in file order
     * @param parseErrors one line per file that is not valid YAML
     */
    record Loaded(List<String> names, List<Resource> resources, List<String> parseErrors) {}

    /** A FILES argument that does not exist or cannot be read: istioctl stops (exit 1). */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private ManifestFiles() {
    }

    static Loaded gather(List<String> args, boolean recursive, InputStream stdin, PrintWriter err) throws Unreadable {
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                names.add(arg);
                texts.add(read(stdin, "-"));
                continue;
            }
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                throw new Unreadable(arg + ": no such file or directory");
            }
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                walk(path, recursive, files);
            } else {
                files.add(path);
            }
            for (Path f : files) {
                if (!hasManifestExtension(f)) {
                    err.println("Skipping file " + f + ", recognized file extensions are: " + EXTENSIONS);
                    continue;
                }
                names.add(f.toString());
                texts.add(read(f));
            }
        }
        List<Resource> resources = new ArrayList<>();
        List<String> parseErrors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                resources.addAll(ManifestLoader.parse(texts.get(i), names.get(i)));
            } catch (ManifestLoader.ManifestException e) {
                parseErrors.add(e.getMessage());
            }
        }
        return new Loaded(List.copyOf(names), List.copyOf(resources), List.copyOf(parseErrors));
    }

    /** The directory's entries in lexical order, descending into sub-directories only when recursive. */
    private static void walk(Path dir, boolean recursive, List<Path> out) throws Unreadable {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new Unreadable(dir + ": cannot list (" + e.getMessage() + ")");
        }
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                if (recursive) {
                    walk(p, true, out);
                }
            } else {
                out.add(p);
            }
        }
    }

    private static boolean hasManifestExtension(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String read(Path f) throws Unreadable {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new Unreadable(f + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String read(InputStream in, String name) throws Unreadable {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(name + ": cannot read stdin (" + e.getMessage() + ")");
        }
    }
}
