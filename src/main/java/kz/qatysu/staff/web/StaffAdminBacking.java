package kz.qatysu.staff.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.application.StaffService.StaffSummary;
import kz.qatysu.staff.application.UnknownScopeTerritory;

/** Admin page: staff members and their territorial scopes. */
@Named
@ViewScoped
public class StaffAdminBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private StaffService staff;
    @Inject
    private Messages messages;

    private List<StaffSummary> members;
    private String username;
    private String scopeCode;

    @PostConstruct
    void init() {
        members = staff.list();
    }

    public String assign() {
        try {
            staff.assignScope(username, scopeCode);
        } catch (UnknownScopeTerritory e) {
            messages.error("scopeCode", "staff.scope.unknown");
            return null;
        } catch (IllegalArgumentException e) {
            messages.error("username", "staff.username.invalid");
            return null;
        }
        messages.flashInfo("staff.scope.saved");
        return "/admin/staff?faces-redirect=true";
    }

    public List<StaffSummary> getMembers() {
        return members;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getScopeCode() {
        return scopeCode;
    }

    public void setScopeCode(String scopeCode) {
        this.scopeCode = scopeCode;
    }
}
