package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.live.RequestTally.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kinds API economy is judged by: a LIST is a GET on a collection without watch, nothing else. */
class RequestTallyTest {

    @ParameterizedTest
    @CsvSource({
            "GET,  /api/v1/pods?limit=500,                                              LIST",
            "GET,  /api/v1/namespaces,                                                  LIST",
            "GET,  /api/v1/namespaces/shop/pods,                                        LIST",
            "GET,  /apis/networking.istio.io/v1beta1/destinationrules?limit=500,        LIST",
            "GET,  /apis/networking.istio.io/v1beta1/namespaces/shop/sidecars,          LIST",
            "GET,  /api/v1/pods?allowWatchBookmarks=true&resourceVersion=1&watch=true,  WATCH",
            "GET,  /api/v1/namespaces/shop/pods/cart,                                   OTHER",
            "GET,  /api/v1/namespaces/shop,                                             OTHER",
            "GET,  /apis,                                                               OTHER",
            "GET,  /apis/networking.istio.io/v1beta1,                                   OTHER",
            "GET,  /version,                                                            OTHER",
            "POST, /apis/authorization.k8s.io/v1/selfsubjectaccessreviews,              OTHER",
            "GET,  /api/v1/namespaces/shop/pods/cart/portforward?ports=15000,           PORT_FORWARD",
    })
    void classifiesRequests(String method, String path, Kind kind) {
        assertThat(RequestTally.classify(method, path)).isEqualTo(kind);
    }
}
