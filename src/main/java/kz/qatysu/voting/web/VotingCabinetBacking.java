package kz.qatysu.voting.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.voting.application.BallotReminder;
import kz.qatysu.voting.application.BallotSheet;
import kz.qatysu.voting.application.VotingService;

/** The cabinet's voting section: rounds open to the citizen now, and ballots they opened but did not cast. */
@Named
@RequestScoped
public class VotingCabinetBacking {

    @EJB
    private VotingService voting;

    private List<BallotSheet> openRounds;
    private List<BallotReminder> reminders;

    public List<BallotSheet> getOpenRounds() {
        if (openRounds == null) {
            openRounds = voting.openRounds();
        }
        return openRounds;
    }

    public List<BallotReminder> getReminders() {
        if (reminders == null) {
            reminders = voting.reminders();
        }
        return reminders;
    }
}
