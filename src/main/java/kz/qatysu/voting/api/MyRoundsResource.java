package kz.qatysu.voting.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kz.qatysu.voting.application.VotingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in citizen's side of the mobile API (bearer token of {@code qatysu-mobile}; see {@link VotingResource}). */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Voting")
public class MyRoundsResource {

    @EJB
    private VotingService voting;
    @Inject
    private CitizenCalls calls;

    @GET
    @Path("/rounds")
    @SecurityRequirement(name = "mobile")
    @Operation(summary = "Rounds open for me: ballot type, limits and the feasible proposals in my order, my ballot")
    @APIResponse(responseCode = "200", description = "The rounds in voting where the caller is eligible")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token (problem+json)")
    public List<VotingViews.OpenRound> myRounds() {
        return calls.asCitizen(() -> voting.openRounds().stream().map(VotingViews.OpenRound::of).toList());
    }
}
