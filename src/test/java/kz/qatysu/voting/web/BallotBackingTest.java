package kz.qatysu.voting.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BallotBackingTest {

    @Test
    void aReceiptCodeIsShownInEightGroupsOfEight() {
        String code = "0123456789abcdef".repeat(4);
        assertThat(BallotBacking.grouped(code))
                .isEqualTo("01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef");
        assertThat(BallotBacking.grouped(code).replace(" ", "")).isEqualTo(code);
    }

    @Test
    void noCodeShowsNothing() {
        assertThat(BallotBacking.grouped(null)).isEmpty();
    }
}
