package kz.qatysu.audit.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import kz.qatysu.audit.application.AuditLog;
import kz.qatysu.audit.application.AuditLog.ChainCheck;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.json.PrettyJson;

/**
 * Admin page {@code /admin/audit}: the audit log newest first, filtered by the view parameters (a bookmarkable GET
 * form), each entry expandable to its states before and after and its hashes; and the check of the whole chain.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AuditLog log;
    @Inject
    private FacesActions actions;

    private String entityType;
    private String entityId;
    private String actor;
    private String action;
    private AuditEntries entries;
    private ChainCheck check;

    /** View action: the entries under the filter of the URL. */
    public void load() {
        entries = new AuditEntries(log, new AuditLog.Filter(entityType, entityId, actor, action));
    }

    public void verify() {
        check = actions.attempt(null, () -> log.verify());
    }

    /** JSON indented for reading; the page escapes it. */
    public String pretty(String json) {
        return PrettyJson.of(json);
    }

    public boolean isFiltered() {
        return entityType != null || entityId != null || actor != null || action != null;
    }

    public AuditEntries getEntries() {
        return entries;
    }

    public ChainCheck getCheck() {
        return check;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
