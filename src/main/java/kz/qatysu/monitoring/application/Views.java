package kz.qatysu.monitoring.application;

import java.time.LocalDate;
import java.util.List;
import kz.qatysu.monitoring.application.ImplementationView.MilestoneView;
import kz.qatysu.monitoring.application.ImplementationView.PhotoView;
import kz.qatysu.monitoring.application.ImplementationView.UpdateView;
import kz.qatysu.monitoring.domain.Implementation;
import kz.qatysu.monitoring.domain.ImplementationPhoto;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.domain.Proposal;

/** Read models of an implementation, for staff (with who did what) and for the public (without). */
final class Views {

    private Views() {
    }

    /**
     * @param implementation {@code null} while monitoring has not started
     * @param withActors     whether the history names the staff member of each update (never for the public)
     */
    static ImplementationView of(Proposal p, Implementation implementation, List<ImplementationPhoto> photos,
                                 LocalizedText territoryName, LocalDate today, boolean withActors) {
        long assessed = p.assessedCost().orElse(0L);
        if (implementation == null) {
            return new ImplementationView(p.getId(), p.title().value(), p.territory().value(), territoryName, assessed,
                    false, null, 0, 0, 0, null, false, false, null, null, null, false, null, List.of(), List.of(),
                    List.of());
        }
        Implementation i = implementation;
        return new ImplementationView(p.getId(), p.title().value(), p.territory().value(), territoryName, assessed,
                true, i.status(), i.percentDone(), i.contracted(), i.spent(), i.moneyNote().orElse(null),
                i.isOverspent(), i.isOverAssessed(), i.plannedCompletion(), i.completedOn().orElse(null),
                i.dueDate().orElse(null), i.isOverdue(today), i.updatedAt(),
                i.milestones().stream().map(m -> new MilestoneView(m.number(), m.title(), m.plannedOn(),
                        m.doneOn().orElse(null), m.isOverdue(today))).toList(),
                photos.stream().map(ph -> new PhotoView(ph.getId(), ph.caption(), ph.uploadedAt())).toList(),
                i.history().stream().map(u -> new UpdateView(u.at(), u.kind(),
                        withActors ? u.actor().stored() : null, u.status(), u.percentDone(), u.contracted(),
                        u.spent(), u.detail().orElse(null))).toList());
    }
}
