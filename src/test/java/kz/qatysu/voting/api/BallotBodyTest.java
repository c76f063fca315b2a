package kz.qatysu.voting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qatysu.platform.api.ApiProblem;
import org.junit.jupiter.api.Test;

/** The strict reading of a mobile ballot body. */
class BallotBodyTest {

    @Test
    void projectsAsStringsOrIntegersMakeAnApprovalChoice() {
        assertThat(BallotBody.parse("{\"projects\": [\"12\", 7]}").canonical()).isEqualTo("7:1,12:1");
    }

    @Test
    void pointsMakeACumulativeChoice() {
        assertThat(BallotBody.parse("{\"points\": {\"12\": 3, \"7\": 0, \"9\": 2}}").canonical()).isEqualTo("9:2,12:3");
    }

    @Test
    void aVoterIdInTheBodyIsIgnored() {
        assertThat(BallotBody.parse("{\"projects\": [\"5\"], \"voter\": \"871130200112\", \"citizenId\": 1}").canonical())
                .isEqualTo("5:1");
    }

    @Test
    void malformedBodiesAreRefusedAs400() {
        for (String body : new String[]{"", "null", "[]", "{", "\"x\"", "{}", "{\"projects\": [\"1\"], \"points\": {}}",
                "{\"projects\": \"1\"}", "{\"projects\": [\"01\"]}", "{\"projects\": [\"-1\"]}", "{\"projects\": [1.5]}",
                "{\"projects\": [null]}", "{\"projects\": [\"1e3\"]}", "{\"points\": {\"1\": 2.5}}",
                "{\"points\": {\"x\": 2}}", "{\"points\": {\"1\": 99999999999}}", "{\"points\": []}"}) {
            assertThatThrownBy(() -> BallotBody.parse(body)).as(body).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("invalid-ballot-body"));
        }
    }
}
