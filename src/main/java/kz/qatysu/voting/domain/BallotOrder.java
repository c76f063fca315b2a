package kz.qatysu.voting.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The order in which a voter sees the projects: shuffled to spread position bias, but fixed for that voter (seeded by
 * their pseudonym), so that reloading the ballot page does not reshuffle it.
 */
public final class BallotOrder {

    private BallotOrder() {
    }

    public static List<BallotOption> forVoter(VoterPseudonym voter, List<BallotOption> options) {
        List<BallotOption> sorted = new ArrayList<>(options);
        // A stable starting order (by proposal id) so that the result depends only on the voter and the options.
        sorted.sort((a, b) -> Long.compare(a.proposalId(), b.proposalId()));
        long seed = ByteBuffer.wrap(HexFormat.of().parseHex(voter.value().substring(0, 16))).getLong();
        java.util.Collections.shuffle(sorted, new Random(seed));
        return List.copyOf(sorted);
    }
}
