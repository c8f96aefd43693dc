package dev.skopos.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretDataIsRedactedButNotItsKeys() throws Exception {
        JsonNode secret = JSON.readTree("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"cacerts"},
                 "data":{"ca-key.pem":"LS0tLS1CRUdJTi...","ca-cert.pem":"LS0t"}}""");
        JsonNode out = Redactor.redact(secret);
        assertThat(out.at("/data/ca-key.pem").asText()).isEqualTo(Redactor.REDACTED);
        assertThat(out.at("/data/ca-cert.pem").asText()).isEqualTo(Redactor.REDACTED);
        assertThat(secret.at("/data/ca-key.pem").asText()).startsWith("LS0t");
    }

    @Test
    void envTokensPemKeysAndBearerHeadersAreRedactedAnywhere() throws Exception {
        JsonNode pod = JSON.readTree("""
                {"kind":"Pod","apiVersion":"v1","spec":{"containers":[{"name":"app","env":[
                  {"name":"OPENWEATHERMAP_API_KEY","value":"abc123"},
                  {"name":"LOG_LEVEL","value":"debug"}],
                  "args":["--header","Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig"]}]},
                 "metadata":{"annotations":{"note":"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"}}}""");
        String yaml = YamlLines.yaml(pod);
        assertThat(yaml).doesNotContain("abc123").doesNotContain("eyJhbGci").doesNotContain("MIIE");
        assertThat(yaml).contains("debug").contains("Bearer [redacted]").contains("OPENWEATHERMAP_API_KEY");
    }

    @Test
    void freeTextKeepsWhatIsNotSecret() {
        assertThat(Redactor.redact("cert ok, key -----BEGIN EC PRIVATE KEY-----x-----END EC PRIVATE KEY----- done"))
                .isEqualTo("cert ok, key [redacted] done");
    }
}
