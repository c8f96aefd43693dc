package dev.skopos.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped RBAC (docs/rbac) against what skopos actually does, so the docs cannot drift: the
 * read-only role covers exactly the kinds a source lists, with list and watch (informers need both),
 * the actions role has what port-forwards and log tails need, and the bindings name those roles.
 */
class RbacDocsTest {

    private static final Path DOCS = Path.of("docs", "rbac");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One granted (group, resource, verb), e.g. {@code /pods list} or {@code authorization.k8s.io/selfsubjectaccessreviews create}. */
    private record Grant(String group, String resource, String verb) {}

    @Test
    void theReadOnlyRoleListsAndWatchesExactlyTheKindsSkoposWatches() throws IOException {
        JsonNode role = single("skopos-readonly.yaml");
        assertThat(role.path("kind").asText()).isEqualTo("ClusterRole");
        Set<Grant> grants = grants(role);

        for (ResourceKind kind : ResourceKind.ALL) {
            for (String verb : List.of("get", "list", "watch")) {
                assertThat(grants).as(kind.plural()).contains(new Grant(kind.group(), kind.plural(), verb));
            }
        }
        assertThat(grants).contains(new Grant("authorization.k8s.io", "selfsubjectaccessreviews", "create"));
        Set<String> kinds = ResourceKind.ALL.stream().map(k -> k.group() + "/" + k.plural()).collect(Collectors.toSet());
        kinds.add("authorization.k8s.io/selfsubjectaccessreviews");
        assertThat(grants.stream().map(g -> g.group() + "/" + g.resource()).collect(Collectors.toSet()))
                .as("nothing beyond what skopos reads").isEqualTo(kinds);
        assertThat(grants).extracting(Grant::verb).as("read-only").containsOnly("get", "list", "watch", "create");
        assertThat(grants).filteredOn(g -> g.verb().equals("create")).hasSize(1);
    }

    @Test
    void theActionsRoleCoversPortForwardsAndLogs() throws IOException {
        JsonNode role = single("skopos-actions.yaml");
        assertThat(role.path("kind").asText()).isEqualTo("ClusterRole");
        assertThat(grants(role)).contains(new Grant("", "pods/portforward", "create"),
                new Grant("", "pods/portforward", "get"), new Grant("", "pods/log", "get"));
    }

    @Test
    void theBindingsNameTheShippedRoles() throws IOException {
        Set<String> roles = Set.of(single("skopos-readonly.yaml").path("metadata").path("name").asText(),
                single("skopos-actions.yaml").path("metadata").path("name").asText());
        List<JsonNode> bindings = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).readValues(DOCS.resolve("skopos-bindings.yaml").toFile())) {
            docs.forEachRemaining(d -> bindings.add((JsonNode) d));
        }
        assertThat(bindings).extracting(b -> b.path("kind").asText()).contains("ClusterRoleBinding", "RoleBinding");
        for (JsonNode binding : bindings) {
            assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("ClusterRole");
            assertThat(roles).contains(binding.path("roleRef").path("name").asText());
            assertThat(binding.path("subjects")).isNotEmpty();
        }
    }

    private static JsonNode single(String file) throws IOException {
        return YAML.readTree(DOCS.resolve(file).toFile());
    }

    private static Set<Grant> grants(JsonNode role) {
        Set<Grant> out = new HashSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        out.add(new Grant(group.asText(), resource.asText(), verb.asText()));
                    }
                }
            }
        }
        return out;
    }
}
