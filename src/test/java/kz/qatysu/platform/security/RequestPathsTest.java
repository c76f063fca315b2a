package kz.qatysu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/opendata/../WEB-INF/web.xml", "/opendata/round-1/%2e%2e/%2e%2e/index.json",
            "/opendata/%2E%2E/x", "/a/./b", "/a/..", "/a/..;jsessionid=1/WEB-INF/web.xml", "/a/%2fetc%2fpasswd",
            "/a/%5c..%5cweb.xml", "/a\\..\\b", "/file%00.xml", "/.%2e/x"})
    void aPathThatClimbsOrHidesSeparatorsIsCrafted(String path) {
        assertThat(RequestPaths.isCrafted(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/proposals.xhtml", "/opendata/", "/opendata/round-12/results.csv",
            "/jakarta.faces.resource/theme.css.xhtml", "/a/..b/c", "/a/.well-known/x", "/api/v1/rounds/3/ballot",
            "/proposal.xhtml;jsessionid=abc"})
    void anOrdinaryPathIsNot(String path) {
        assertThat(RequestPaths.isCrafted(path)).isFalse();
    }
}
