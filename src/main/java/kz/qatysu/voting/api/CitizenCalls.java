package kz.qatysu.voting.api;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.Callable;
import kz.qatysu.platform.api.ApiProblem;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;

/** How the voting API calls the services: as the token's citizen, with every refusal turned into its problem. */
@RequestScoped
public class CitizenCalls {

    @Inject
    private HttpServletRequest request;
    @Inject
    private ApiCitizens citizens;

    /** 401 without a token, 403 for a non-citizen; a new token's identity claims are applied to the citizen first. */
    void requireCitizen() {
        if (request.getUserPrincipal() == null) {
            throw new ApiProblem(401, "unauthorized", "api.problem.unauthorized");
        }
        if (!request.isUserInRole(Roles.CITIZEN)) {
            throw new ApiProblem(403, "forbidden", "api.problem.forbidden");
        }
        citizens.synchronise(request);
    }

    <T> T asCitizen(Callable<T> work) {
        requireCitizen();
        return refusalsAsProblems(work);
    }

    static <T> T refusalsAsProblems(Callable<T> work) {
        try {
            return work.call();
        } catch (DomainRuleViolation e) {
            throw ruleProblem(e);
        } catch (AccessRefused e) {
            throw new ApiProblem(403, "forbidden", e.messageKey());
        } catch (NotFound e) {
            throw ApiProblem.notFound();
        } catch (EJBAccessException e) {
            throw new ApiProblem(403, "forbidden", "api.problem.forbidden");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal by the rules as a problem: its stable code from the message key. */
    static ApiProblem ruleProblem(DomainRuleViolation e) {
        String key = e.messageKey();
        return switch (key) {
            case "receipt.error.malformed" -> new ApiProblem(400, "malformed-receipt", key);
            case "receipt.error.not-published" -> new ApiProblem(409, "receipts-not-published", key);
            case "voting.error.closed" -> new ApiProblem(422, "voting-closed", key, e.arguments());
            case "voting.error.not-open" -> new ApiProblem(422, "voting-not-open", key, e.arguments());
            default -> new ApiProblem(422, key.substring(key.lastIndexOf('.') + 1), key, e.arguments());
        };
    }
}
