package kz.qatysu.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ViewParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "000017", "999999999999999999"})
    void readsPositiveIds(String value) {
        assertThat(ViewParameters.id(value)).contains(Long.parseLong(value));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "-1", "abc", "1e3", " 1", "1 ", "٣", "9999999999999999999", "1;drop"})
    void ignoresAnythingElse(String value) {
        assertThat(ViewParameters.id(value)).isEmpty();
    }
}
