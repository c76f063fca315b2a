package kz.qatysu.meeting.web;

import java.io.Serializable;
import java.time.LocalDate;
import kz.qatysu.meeting.application.MeetingForm;

/** The editable fields of a meeting, bound to the record and edit forms. */
public class MeetingFormModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private String territoryCode;
    private LocalDate heldOn;
    private String place;
    private String agenda;
    private String quorumKind;
    private Integer quorumValue;
    private Integer eligibleResidents;

    void fill(MeetingForm f) {
        territoryCode = f.territoryCode();
        heldOn = f.heldOn();
        place = f.place();
        agenda = f.agenda();
        quorumKind = f.quorumKind();
        quorumValue = f.quorumValue();
        eligibleResidents = f.eligibleResidents();
    }

    MeetingForm toForm() {
        return new MeetingForm(territoryCode, heldOn, place, agenda, quorumKind, quorumValue, eligibleResidents);
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public void setTerritoryCode(String territoryCode) {
        this.territoryCode = territoryCode;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getAgenda() {
        return agenda;
    }

    public void setAgenda(String agenda) {
        this.agenda = agenda;
    }

    public String getQuorumKind() {
        return quorumKind;
    }

    public void setQuorumKind(String quorumKind) {
        this.quorumKind = quorumKind;
    }

    public Integer getQuorumValue() {
        return quorumValue;
    }

    public void setQuorumValue(Integer quorumValue) {
        this.quorumValue = quorumValue;
    }

    public Integer getEligibleResidents() {
        return eligibleResidents;
    }

    public void setEligibleResidents(Integer eligibleResidents) {
        this.eligibleResidents = eligibleResidents;
    }
}
