package dev.skopos.cli;

import dev.skopos.istiod.SynczParser;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saved istiod sync answers for {@code proxy-status -f}: files, or directories holding one file per
 * istiod. Each file's format is told from its content, and its name without extension stands for
 * the istiod when the answer does not name it (the old HTTP list never does).
 */
final class SynczFiles {

    private SynczFiles() {
    }

    static List<SynczAnswer> read(List<Path> paths) throws IOException {
        List<SynczAnswer> answers = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    for (Path file : entries.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        answers.add(answer(file));
                    }
                }
            } else {
                answers.add(answer(path));
            }
        }
        return answers;
    }

    static SynczAnswer answer(Path file) throws IOException {
        String body = text(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String istiod = dot > 0 ? name.substring(0, dot) : name;
        return new SynczAnswer(new IstiodInstance(new PodRef("", istiod), "", ""), SynczParser.formatOf(body), body);
    }

    /** The file's text; {@code -} is stdin. */
    static String text(Path file) throws IOException {
        if (file.toString().equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // The JDK's messages often omit the path (a directory says just "Is a directory").
            throw new IOException(file + ": " + dev.skopos.source.SourceException.describe(e), e);
        }
    }
}
