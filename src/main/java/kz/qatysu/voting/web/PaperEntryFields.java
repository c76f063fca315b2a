package kz.qatysu.voting.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.voting.application.PaperEntryForm;

/**
 * The inputs of one paper-ballot entry form, as typed. Marks are strings here (checkbox values, points as written),
 * turned into numbers for the service; points that are not whole numbers are reported, not guessed.
 */
public class PaperEntryFields implements Serializable {
    private static final long serialVersionUID = 1L;

    private String serial;
    private String iin;
    private String surname;
    private String givenName;
    private String patronymic;
    private String residenceCode;
    private String meeting;
    private List<String> approved = new ArrayList<>();
    private final Map<Long, String> points = new HashMap<>();

    /** Whether every points field is empty or a whole number from 0 to 9999. */
    public boolean pointsWellFormed() {
        return points.values().stream().allMatch(v -> v == null || v.isBlank() || v.strip().matches("[0-9]{1,4}"));
    }

    public PaperEntryForm toForm() {
        List<Long> ids = new ArrayList<>();
        for (String value : approved) {
            if (value != null && value.matches("[0-9]{1,18}")) {
                ids.add(Long.parseLong(value));
            }
        }
        Map<Long, Integer> given = new LinkedHashMap<>();
        points.forEach((id, value) -> {
            if (value != null && value.strip().matches("[0-9]{1,4}")) {
                given.put(id, Integer.parseInt(value.strip()));
            }
        });
        return new PaperEntryForm(serial, iin == null ? null : iin.replaceAll("[ -]", ""), surname, givenName,
                patronymic, residenceCode, ids, given,
                meeting != null && meeting.matches("[0-9]{1,18}") ? Long.valueOf(meeting) : null);
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getIin() {
        return iin;
    }

    public void setIin(String iin) {
        this.iin = iin;
    }

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getPatronymic() {
        return patronymic;
    }

    public void setPatronymic(String patronymic) {
        this.patronymic = patronymic;
    }

    public String getResidenceCode() {
        return residenceCode;
    }

    public void setResidenceCode(String residenceCode) {
        this.residenceCode = residenceCode;
    }

    /** The meeting that collected the ballot, as the select's value; empty for the akimat. */
    public String getMeeting() {
        return meeting;
    }

    public void setMeeting(String meeting) {
        this.meeting = meeting;
    }

    public List<String> getApproved() {
        return approved;
    }

    public void setApproved(List<String> approved) {
        this.approved = approved == null ? new ArrayList<>() : new ArrayList<>(approved);
    }

    /** Points as written, by proposal id (bound per project on cumulative ballots). */
    public Map<Long, String> getPoints() {
        return points;
    }
}
