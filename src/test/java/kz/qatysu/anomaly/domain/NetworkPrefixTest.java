package kz.qatysu.anomaly.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPrefixTest {

    @Test
    void anIpv4AddressBecomesItsSlash24() {
        assertThat(NetworkPrefix.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(NetworkPrefix.of("203.0.113.200")).isEqualTo(NetworkPrefix.of("203.0.113.1"));
        assertThat(NetworkPrefix.of("203.0.114.1")).isNotEqualTo(NetworkPrefix.of("203.0.113.1"));
    }

    @Test
    void anIpv6AddressBecomesItsSlash48() {
        assertThat(NetworkPrefix.of("2001:db8:5:1::42")).isEqualTo("2001:db8:5::/48");
        assertThat(NetworkPrefix.of("[2001:db8:5:ffff::1]")).isEqualTo("2001:db8:5::/48");
        assertThat(NetworkPrefix.of("fe80::1%eth0")).isEqualTo("fe80:0:0::/48");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.org", "999.1.1.1", "1.2.3", "<script>", "::zz"})
    void anythingElseIsUnknownAndNeverLookedUp(String address) {
        assertThat(NetworkPrefix.of(address)).isEqualTo(NetworkPrefix.UNKNOWN);
    }

    @Test
    void noAddressIsUnknown() {
        assertThat(NetworkPrefix.of(null)).isEqualTo(NetworkPrefix.UNKNOWN);
    }
}
