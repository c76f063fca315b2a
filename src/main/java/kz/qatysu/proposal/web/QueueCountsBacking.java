package kz.qatysu.proposal.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.application.ProposalDecisions;
import kz.qatysu.proposal.domain.ProposalStatus;

/**
 * The queue counts on the staff landing page ({@code staff/index.xhtml}): how many proposals of the caller's scope
 * wait in each status of moderation and review, each a link to its queue tab for the roles that may act on it.
 * Lives in {@code proposal.web}, not {@code staff.web}, because {@code proposal} already depends on {@code staff}.
 */
@Named
@RequestScoped
public class QueueCountsBacking {

    /** One line: a status, how many proposals are in it, and the queue page to open (null: look only). */
    public record Line(ProposalStatus status, long count, String queue) {
    }

    private static final List<ProposalStatus> MODERATION = List.of(ProposalStatus.SUBMITTED,
            ProposalStatus.UNDER_MODERATION, ProposalStatus.RETURNED_FOR_CHANGES);
    private static final List<ProposalStatus> REVIEW = List.of(ProposalStatus.ACCEPTED, ProposalStatus.UNDER_REVIEW);

    @EJB
    private ProposalDecisions decisions;

    private List<Line> lines = List.of();

    @PostConstruct
    void init() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        boolean admin = external.isUserInRole(Roles.ADMIN);
        boolean moderator = admin || external.isUserInRole(Roles.MODERATOR);
        boolean reviewer = admin || external.isUserInRole(Roles.REVIEWER);
        if (!moderator && !reviewer) {
            return; // analysts have no queues
        }
        Map<ProposalStatus, Long> counts = decisions.counts();
        String moderationQueue = moderator ? "/staff/moderation" : null;
        String reviewQueue = reviewer ? "/staff/review" : null;
        lines = Stream.concat(
                MODERATION.stream().map(s -> new Line(s, counts.getOrDefault(s, 0L), moderationQueue)),
                REVIEW.stream().map(s -> new Line(s, counts.getOrDefault(s, 0L), reviewQueue))).toList();
    }

    public List<Line> getLines() {
        return lines;
    }
}
