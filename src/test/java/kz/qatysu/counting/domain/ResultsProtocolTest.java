package kz.qatysu.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.platform.signing.XmlSignatures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ResultsProtocolTest {

    private static Document protocol() {
        List<RoundAllocation.Option> options = List.of(new RoundAllocation.Option(11, 60, "parks"),
                new RoundAllocation.Option(12, 50, "roads"));
        List<RoundAllocation.CountedChoice> ballots = List.of(
                new RoundAllocation.CountedChoice(new long[]{11}, new int[]{1}),
                new RoundAllocation.CountedChoice(new long[]{11, 12}, new int[]{1, 1}));
        List<RoundAllocation.Part> parts = RoundAllocation.allocate(new AllocationService(), "greedy_cost", false, 100,
                Map.of(), options, ballots);
        var outcome = parts.get(0).outcome();
        List<ResultsProtocol.Line> lines = List.of(
                new ResultsProtocol.Line(11, "parks", 60, 2, 2, outcome.explanationOf("11")),
                new ResultsProtocol.Line(12, "roads", 50, 1, 1, outcome.explanationOf("12")));
        ResultsProtocol.Round round = new ResultsProtocol.Round(7, 1, "751410000", "Бостандыкский район",
                Map.of("kk", "Раунд \"сынақ\" & <1>", "ru", "Раунд", "en", "Round"), 100, "greedy_cost",
                "{\"allocationRule\":\"greedy_cost\"}", "a".repeat(64), Instant.parse("2026-06-01T00:00:00Z"), 2, 0,
                "b".repeat(64));
        return ResultsProtocol.build(round, parts, lines);
    }

    @Test
    void aSignedProtocolVerifiesAfterStorageAndAnyChangeBreaksIt() {
        SigningKeys keys = TestKeystores.platform();
        Document doc = protocol();
        XmlSignatures.sign(doc, keys);
        String stored = new String(SecureXml.write(doc), StandardCharsets.UTF_8);

        Document read = SecureXml.parse(stored.getBytes(StandardCharsets.UTF_8));
        var verification = XmlSignatures.verify(read, keys.certificate());
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(XmlSignatures.digest(read)).isEqualTo(XmlSignatures.digest(doc));
        assertThat(stored).contains("funded=\"true\"").contains("merkleRoot=\"" + "b".repeat(64) + "\"");

        Document tampered = SecureXml.parse(stored.replace("ballots=\"2\"", "ballots=\"20\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(XmlSignatures.verify(tampered, keys.certificate()).valid()).isFalse();
        assertThat(XmlSignatures.verify(read, TestKeystores.stranger().certificate()).valid()).isFalse();
    }

    @Test
    void theSameRoundGivesTheSameDocument() {
        SigningKeys keys = TestKeystores.platform();
        Document a = protocol();
        Document b = protocol();
        XmlSignatures.sign(a, keys);
        XmlSignatures.sign(b, keys);
        assertThat(XmlSignatures.digest(a)).isEqualTo(XmlSignatures.digest(b));
    }
}
