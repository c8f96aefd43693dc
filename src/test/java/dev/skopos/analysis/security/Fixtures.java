package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;

/** Small helpers for the security analyzer tests: snapshots from inline YAML, findings as text. */
final class Fixtures {

    /**
     * A self-signed certificate only (no key), valid from 2026-11-27 to 2126-11-03, generated for
     * these tests with openssl; base64 of its PEM, as a Secret's data holds it.
     */
    static final String CERT_B64 = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnekNDQVNtZ0F3SUJBZ0lVSmNpSkV4T3JTaU9qRmRCcDhFSXlaWmYxMUI4d0NnWUlLb1pJemowRUF3SXcKRmpFVU1CSUdBMVVFQXd3TGMydHZjRzl6TFhSbGMzUXdJQmNOTWpZeE1USTNNVFV6TXpFeldoZ1BNakV5TmpFeApNRE14TlRNek1UTmFNQll4RkRBU0JnTlZCQU1NQzNOcmIzQnZjeTEwWlhOME1Ga3dFd1lIS29aSXpqMENBUVlJCktvWkl6ajBEQVFjRFFnQUVTeDhqaVBPNC9qOU1vb1Z5dC8yNUUrVjV0WDRwWklGSU96S2pWOG1TbmZab3BXU08KS2ZhKzhZVWRnUXQwMi9MK2QvdTV6eHVPenQ3WXJoVFZTZFF0bHFOVE1GRXdIUVlEVlIwT0JCWUVGT282K0dzNwoxbmpiKzZCb1FTTExkY012VEFWc01COEdBMVVkSXdRWU1CYUFGT282K0dzNzFuamIrNkJvUVNMTGRjTXZUQVZzCk1BOEdBMVVkRXdFQi93UUZNQU1CQWY4d0NnWUlLb1pJemowRUF3SURTQUF3UlFJZ2ZqN3BvWUV4ZE4za2FtSGwKTDdDNEdRN2JhTUo5OTZuK0RiSkwyWlJwZHNNQ0lRRGc3OTgyd050ckdFbmZ4ZkhOcWc3cXQrdWgxZTJDaS9EeApMZFU0UDBDckpBPT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";

    private Fixtures() {
    }

    static ResourceSnapshot snapshot(String yaml) {
        return new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"));
    }

    static ResourceSnapshot snapshot(String yaml, String meshConfigYaml) throws Exception {
        JsonNode mesh = new ObjectMapper(new YAMLFactory()).readTree(meshConfigYaml);
        return new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"), mesh, null);
    }

    /** Each finding as {@code CODE Kind ns/name: message}. */
    static List<String> run(Analyzer analyzer, ResourceSnapshot snapshot) {
        Reporter reporter = new Reporter();
        analyzer.analyze(snapshot, reporter);
        return reporter.found().stream().map(Fixtures::line).toList();
    }

    private static String line(Diagnostic d) {
        return d.code() + " " + (d.resource() == null ? "" : d.resource().display()) + ": " + d.message();
    }
}
