package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSkewTest {

    private static List<String> list(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.strip().split("\\s+"));
    }

    @ParameterizedTest(name = "cp {0} dp {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // cp versions           | dp versions                  | header                                  | warning contains
            "1.27.3 1.27.3          | 1.27.3 1.26.2 1.27.3          | cp 1.27.3 dp 1.27.3, 1.26.2              | -",
            "1.27.3                 | 1.25.4 1.27.1                 | cp 1.27.3 dp 1.27.1, 1.25.4              | data plane 1.25.4 is more than one minor behind control plane 1.27.3",
            "1.27.3                 | 1.28.0                        | cp 1.27.3 dp 1.28.0                      | data plane 1.28.0 is newer than control plane 1.27.3",
            "1.27.3                 | 1.27.9                        | cp 1.27.3 dp 1.27.9                      | -",
            "1.27.0 1.25.2          | 1.24.6                        | cp 1.27.0, 1.25.2 dp 1.24.6              | -",
            "1.27.0 1.25.2          | 1.23.1                        | cp 1.27.0, 1.25.2 dp 1.23.1              | more than one minor behind control plane 1.27.0, 1.25.2",
            "1.28-dev               | 1.27.3 1.28-dev               | cp 1.28-dev dp 1.28-dev, 1.27.3          | -",
            "1.27.3                 | 1.26.2-distroless unknown     | cp 1.27.3 dp 1.26.2-distroless, unknown  | -",
            "a1b2c3d                | 1.20.0                        | cp a1b2c3d dp 1.20.0                     | -",
            "-                      | 1.27.3                        | cp - dp 1.27.3                           | -",
            "1.27.3                 | -                             | cp 1.27.3 dp -                           | -",
            "v1.27.3                | 1.29.0 1.24.0                 | cp v1.27.3 dp 1.29.0, 1.24.0             | 1.29.0 is newer than control plane v1.27.3; data plane 1.24.0"})
    void summarisesAndChecksTheSkew(String cp, String dp, String header, String warning) {
        VersionSkew skew = VersionSkew.of(list(cp), list(dp));
        assertThat(skew.header()).isEqualTo(header.strip());
        if (warning == null) {
            assertThat(skew.warning()).isEmpty();
            assertThat(skew.supported()).isTrue();
        } else {
            assertThat(skew.warning()).startsWith("unsupported skew: ").contains(warning.strip());
            assertThat(skew.supported()).isFalse();
        }
    }
}
