package dev.skopos.istiod;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The upstream istioctl proxy-status inputs and expected outputs, read in place. */
final class ConformanceInputs {

    static final Path ROOT = Path.of("../shared/conformance/proxy-status");

    private ConformanceInputs() {
    }

    /** Every istiod answer of one xds-inputs case, one per file, named after the file. */
    static List<SynczAnswer> answers(String caseName) {
        Path dir = ROOT.resolve("xds-inputs").resolve(caseName);
        Assumptions.assumeTrue(Files.isDirectory(dir), "conformance data absent");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(ConformanceInputs::answer).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String expected(String file) {
        Path path = ROOT.resolve("xds-current/expected").resolve(file);
        Assumptions.assumeTrue(Files.exists(path), "conformance data absent");
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ProxySync> parseAndMerge(String caseName) {
        return SyncMerger.merge(answers(caseName).stream().map(SynczParser::parse).toList());
    }

    private static SynczAnswer answer(Path file) {
        String name = file.getFileName().toString().replace(".json", "");
        try {
            return new SynczAnswer(new IstiodInstance(new PodRef("istio-system", name), "default", "1.1"),
                    SynczAnswer.Format.XDS, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
