package dev.skopos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Small analyzers with istioctl's codes, so the command is tested whatever real analyzers exist. */
final class FakeAnalyzers {

    private FakeAnalyzers() {
    }

    record Result(int code, String out, String err) {}

    /** Runs {@code skopos ARGS} as the shell would, with these analyzers behind analyze. */
    static Result run(List<Analyzer> analyzers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        if (analyzers != null) {
            ((AnalyzeCommand) cli.getSubcommands().get("analyze").getCommand()).registry = () -> analyzers;
        }
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    /** IST0101 (Error) for each gateway a VirtualService names that no Gateway matches. */
    static final Analyzer GATEWAYS = analyzer("fake.VirtualServiceGateways", "Checks that VirtualService gateways exist",
            (snapshot, reporter) -> {
                for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
                    for (JsonNode g : vs.spec().path("gateways")) {
                        String name = g.asText();
                        if (name.equals("mesh")) {
                            continue;
                        }
                        String ns = name.contains("/") ? name.substring(0, name.indexOf('/')) : vs.namespace();
                        String short_ = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
                        if (snapshot.find("networking.istio.io", "Gateway", ns, short_).isEmpty()) {
                            reporter.report("ReferencedResourceNotFound", vs, "gateway", name);
                        }
                    }
                }
            });

    /** IST0102 (Info) for each Namespace without an injection label. */
    static final Analyzer INJECTION = analyzer("fake.NamespaceInjection", "",
            (snapshot, reporter) -> {
                for (Resource ns : snapshot.list("", "Namespace")) {
                    if (!ns.labels().containsKey("istio-injection") && !ns.labels().containsKey("istio.io/rev")) {
                        reporter.report("NamespaceNotInjected", ns, ns.name(), ns.name());
                    }
                }
            });

    /** IST0103 (Warning) for each Pod without an istio-proxy container. */
    static final Analyzer PODS = analyzer("fake.PodProxy", "Checks pods have a sidecar",
            (snapshot, reporter) -> {
                for (Resource pod : snapshot.list("", "Pod")) {
                    boolean proxy = false;
                    for (JsonNode c : pod.spec().path("containers")) {
                        proxy |= c.path("name").asText().equals("istio-proxy");
                    }
                    if (!proxy) {
                        reporter.report("PodMissingProxy", pod, pod.name());
                    }
                }
            });

    static final List<Analyzer> ALL = List.of(GATEWAYS, INJECTION, PODS);

    interface Check {
        void analyze(ResourceSnapshot snapshot, Reporter reporter);
    }

    static Analyzer analyzer(String name, String description, Check check) {
        return new Analyzer() {
            public String name() {
                return name;
            }

            public String description() {
                return description;
            }

            public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
                check.analyze(snapshot, reporter);
            }
        };
    }
}
