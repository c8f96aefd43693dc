package dev.skopos.analysis;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (multi-document YAML or JSON, {@code kind: List} included) into
 * resources that remember their file and line, as {@code istioctl analyze FILES} does. Directories
 * are read recursively (.yaml, .yml, .json). A document that is not an object is skipped; a file that
 * is not YAML at all fails with a one-line {@link ManifestException}.
 */
public final class ManifestLoader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private ManifestLoader() {
    }

    public static List<Resource> load(List<Path> paths) {
        List<Resource> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(ManifestLoader::isManifest).sorted().toList()) {
                        out.addAll(loadFile(f));
                    }
                } catch (IOException e) {
                    throw new ManifestException(path + ": " + e.getMessage());
                }
            } else {
                out.addAll(loadFile(path));
            }
        }
        return out;
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    public static List<Resource> loadFile(Path path) {
        try {
            return parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new ManifestException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Parses manifest text; {@code source} names it in origins and errors. */
    public static List<Resource> parse(String text, String source) {
        List<Resource> out = new ArrayList<>();
        try (Reader reader = new StringReader(text); YAMLParser parser = YAML.createParser(reader)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode doc = MAPPER.readTree(parser);
                add(doc, reference(source, line), out);
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int newline = message.indexOf('\n');
            throw new ManifestException(source + ": not valid YAML (" + (newline < 0 ? message : message.substring(0, newline)) + ")");
        }
        return out;
    }

    /**
     * Where istioctl says an object was read (kube {@code Position.String}): {@code file:line}, but
     * only the file name for {@code .json} files, whose positions istioctl does not track.
     */
    static String reference(String source, int line) {
        boolean json = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return json || line <= 0 || source.isEmpty() ? source : source + ":" + line;
    }

    private static void add(JsonNode doc, String origin, List<Resource> out) {
        if (doc == null || !doc.isObject()) {
            return;
        }
        String kind = doc.path("kind").asText("");
        if (kind.endsWith("List") && doc.path("items").isArray()) {
            doc.path("items").forEach(item -> add(item, origin, out));
            return;
        }
        Resource r = Resource.of(doc, origin);
        if (r != null) {
            out.add(r);
        }
    }

    /** A manifest that cannot be read, with a one-line reason naming the file. */
    public static final class ManifestException extends RuntimeException {
        public ManifestException(String message) {
            super(message);
        }
    }
}
