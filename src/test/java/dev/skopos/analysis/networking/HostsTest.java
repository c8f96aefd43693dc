package dev.skopos.analysis.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void wildcardsMatchBySuffixInEitherDirection() {
        assertThat(Hosts.matches("*.example.com", "a.example.com")).isTrue();
        assertThat(Hosts.matches("a.example.com", "*.example.com")).isTrue();
        assertThat(Hosts.matches("*", "anything")).isTrue();
        assertThat(Hosts.matches("*.b.com", "*.a.b.com")).isTrue();
        assertThat(Hosts.matches("a.com", "b.com")).isFalse();
    }

    @Test
    void subsetOfIsDirectional() {
        assertThat(Hosts.subsetOf("a.example.com", "*.example.com")).isTrue();
        assertThat(Hosts.subsetOf("*.example.com", "a.example.com")).isFalse();
        assertThat(Hosts.subsetOf("*.a.example.com", "*.example.com")).isTrue();
    }

    @Test
    void shortNamesResolveInTheGivenNamespace() {
        assertThat(Hosts.fqdn("bookinfo", "reviews")).isEqualTo("reviews.bookinfo.svc.cluster.local");
        assertThat(Hosts.fqdn("bookinfo", "reviews.other")).isEqualTo("reviews.other");
        assertThat(Hosts.fqdn("bookinfo", "*")).isEqualTo("*");
        assertThat(Hosts.serviceName("default", "reviews.bookinfo.svc.cluster.local")).isEqualTo("bookinfo/reviews");
        assertThat(Hosts.serviceName("default", "reviews")).isEqualTo("default/reviews");
    }

    @Test
    void gatewayServerHostsAreFilteredByNamespace() {
        assertThat(Hosts.forNamespace(List.of("foo/a.com", "*/b.com", "c.com", "bar/d.com"), "foo"))
                .containsExactly("a.com", "b.com", "c.com");
        assertThat(VirtualServiceGatewayAnalyzer.sanitize(List.of("./a.com", "x.com", "*/*"), "gw")).containsExactly("*");
        assertThat(VirtualServiceGatewayAnalyzer.sanitize(List.of("./a.com", "*/b.com"), "gw")).containsExactly("gw/a.com", "b.com");
    }

    @Test
    void selectorsPrintSortedAndEmptySelectsAll() {
        assertThat(Selectors.toString(Map.of("b", "2", "a", "1"))).isEqualTo("a=1,b=2");
        assertThat(Selectors.matches(Map.of(), Map.of("x", "y"))).isTrue();
        assertThat(Selectors.matches(Map.of("r", ""), Map.of())).isFalse();
        assertThat(Selectors.parse("a=1,b=2")).containsEntry("a", "1").containsEntry("b", "2");
    }

    @Test
    void re2RejectsWhatJavaAloneWouldAccept() {
        assertThat(Re2Syntax.error("^/api/(v1|v2)/.*$")).isEmpty();
        assertThat(Re2Syntax.error("(?=foo)")).contains("error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
        assertThat(Re2Syntax.error("(a)\\1")).contains("error parsing regexp: invalid escape sequence: `\\1`");
        assertThat(Re2Syntax.error("a++")).contains("error parsing regexp: invalid nested repetition operator: `++`");
        assertThat(Re2Syntax.error("(abc")).contains("error parsing regexp: missing closing ): `(abc`");
        assertThat(Re2Syntax.error("[\\d]+")).isEmpty();
    }
}
