package kz.qatysu.voting.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import kz.qatysu.platform.api.ApiProblem;
import kz.qatysu.platform.api.QueryParameters;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.application.VotingService;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The mobile API of voting, beside the open data of {@code /v1/rounds} (Jersey joins root resources of one path). Citizens authenticate with an access token of the {@code qatysu-mobile} client
 * (authorization code + PKCE) as {@code Authorization: Bearer}; the voter is always the token's subject. Receipt
 * checks are public. Every refusal is an RFC 9457 problem with a stable code: 400 {@code invalid-ballot-body},
 * 401 {@code unauthorized} / {@code invalid-token}, 403 {@code forbidden}, 404 {@code not-found} /
 * {@code no-ballot}, 409 {@code receipts-not-published}, 422 with the rule broken ({@code over-budget},
 * {@code too-many-picks}, {@code voting-closed}, {@code not-resident}, …).
 */
@Path("/v1/rounds")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Voting", description = "Ballots of the mobile application and public receipt checks")
@SecurityScheme(securitySchemeName = "mobile", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token of the Keycloak client qatysu-mobile (authorization code with PKCE S256)")
public class VotingResource {

    @EJB
    private VotingService voting;
    @Inject
    private CitizenCalls calls;
    @Context
    private UriInfo uri;
    @Context
    private jakarta.servlet.http.HttpServletRequest request;
    @EJB
    private kz.qatysu.anomaly.application.CastSignals signals;

    @POST
    @Path("/{id}/ballot")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "mobile")
    @Operation(summary = "Cast or change my ballot: {\"projects\": [\"<id>\", ...]} (approval, knapsack) or "
            + "{\"points\": {\"<id>\": n}} (cumulative); the last ballot before the close counts")
    @RequestBody(description = "The choice; any other member (e.g. a voter id) is ignored: the voter is the token's subject")
    @APIResponse(responseCode = "201", description = "Stored as a new version: {\"receipt\": \"...\", \"version\": n}")
    @APIResponse(responseCode = "200", description = "The same choice as my current ballot: nothing changed, same receipt")
    @APIResponse(responseCode = "400", description = "Malformed body (problem+json, code invalid-ballot-body)")
    @APIResponse(responseCode = "422", description = "Refused by the round's rules: over-budget, too-many-picks, "
            + "voting-closed, not-resident, too-young, … (problem+json)")
    public Response cast(@PathParam("id") String id, String body) {
        long roundId = QueryParameters.id(id);
        calls.requireCitizen();
        BallotChoice choice = CitizenCalls.refusalsAsProblems(() -> BallotBody.parse(body));
        BallotBox.Cast cast = calls.asCitizen(() -> voting.cast(roundId, choice, Channel.MOBILE));
        VotingViews.Cast answer = new VotingViews.Cast(cast.receipt(), cast.version());
        if (cast.changed()) {
            signals.record(roundId, Channel.MOBILE, request.getRemoteAddr(), request.getHeader("User-Agent"),
                    request.getHeader("Accept-Language"));
        }
        if (!cast.changed()) {
            return Response.ok(answer).header("Cache-Control", "no-store").build();
        }
        return Response.created(uri.getAbsolutePath()).entity(answer).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/ballot")
    @SecurityRequirement(name = "mobile")
    @Operation(summary = "My current ballot in the round and its receipt")
    @APIResponse(responseCode = "200", description = "The ballot")
    @APIResponse(responseCode = "404", description = "No such round, or no ballot of mine (problem+json, no-ballot)")
    public Response myBallot(@PathParam("id") String id) {
        long roundId = QueryParameters.id(id);
        VotingViews.Ballot ballot = calls.asCitizen(() -> voting.currentBallot(roundId)).map(VotingViews.Ballot::of)
                .orElseThrow(() -> new ApiProblem(404, "no-ballot", "api.problem.no-ballot"));
        return Response.ok(ballot).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/receipts/{receipt}")
    @Operation(summary = "Public: was this receipt counted? counted (with its Merkle audit path), superseded or unknown")
    @APIResponse(responseCode = "200", description = "The receipt's status")
    @APIResponse(responseCode = "400", description = "Not a receipt code (problem+json, malformed-receipt)")
    @APIResponse(responseCode = "409", description = "Voting has not closed yet (problem+json, receipts-not-published)")
    public VotingViews.ReceiptStatus receipt(@PathParam("id") String id, @PathParam("receipt") String receipt) {
        long roundId = QueryParameters.id(id);
        return CitizenCalls.refusalsAsProblems(() -> VotingViews.ReceiptStatus.of(voting.checkReceipt(roundId, receipt)));
    }

    @GET
    @Path("/{id}/receipts")
    @Operation(summary = "Public: the counted receipt hashes of a closed round, in Merkle-leaf order, and the root")
    @APIResponse(responseCode = "200", description = "The published list")
    @APIResponse(responseCode = "409", description = "Voting has not closed yet (problem+json, receipts-not-published)")
    public VotingViews.Receipts receipts(@PathParam("id") String id) {
        long roundId = QueryParameters.id(id);
        return CitizenCalls.refusalsAsProblems(() -> {
            List<String> hashes = voting.countedReceipts(roundId);
            return VotingViews.Receipts.of(voting.receiptPublication(roundId).orElseThrow(), hashes);
        });
    }
}
