package kz.qatysu.monitoring.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.monitoring.application.ImplementationCatalog;
import kz.qatysu.monitoring.application.ImplementationView;

/**
 * The public implementation timeline of {@code WEB-INF/includes/implementation-timeline.xhtml}: the implementation of
 * a funded project, or {@code null} (nothing shown) for any other proposal or before monitoring started.
 */
@Named
@RequestScoped
public class ImplementationTimelineBacking {

    @EJB
    private ImplementationCatalog catalog;

    private final Map<Long, Optional<ImplementationView>> loaded = new HashMap<>();

    public ImplementationView of(Long proposalId) {
        if (proposalId == null) {
            return null;
        }
        return loaded.computeIfAbsent(proposalId, catalog::timeline).orElse(null);
    }
}
