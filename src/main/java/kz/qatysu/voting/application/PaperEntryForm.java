package kz.qatysu.voting.application;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One staff member's typing of a paper ballot, as received: the ballot's number, the voter's IIN, name and residence
 * (KATO code) from the identity document and address registration, and the marks — the projects ticked (approval
 * and knapsack ballots) or the points written next to each project (cumulative ballots) — and, on the first entry,
 * the local community meeting that collected the ballot ({@code null}: cast at the akimat).
 */
public record PaperEntryForm(String serial, String iin, String surname, String givenName, String patronymic,
                             String residenceCode, List<Long> approved, Map<Long, Integer> points, Long meetingId)
        implements Serializable {

    /** An entry of a ballot cast at the akimat. */
    public PaperEntryForm(String serial, String iin, String surname, String givenName, String patronymic,
                          String residenceCode, List<Long> approved, Map<Long, Integer> points) {
        this(serial, iin, surname, givenName, patronymic, residenceCode, approved, points, null);
    }

    public PaperEntryForm {
        approved = approved == null ? List.of() : List.copyOf(approved);
        points = points == null ? Map.of() : Map.copyOf(points);
    }
}
