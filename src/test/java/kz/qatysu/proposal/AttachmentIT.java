package kz.qatysu.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsBostandykResident;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.platform.testing.RunAsEsilResident;
import kz.qatysu.proposal.application.ProposalDecisions;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.attachment.application.AttachmentService;
import kz.qatysu.proposal.attachment.application.AttachmentService.AttachmentView;
import kz.qatysu.proposal.attachment.application.AttachmentService.Download;
import kz.qatysu.proposal.attachment.application.AttachmentStore;
import kz.qatysu.proposal.attachment.domain.AttachmentFixtures;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import kz.qatysu.proposal.attachment.domain.ProposalAttachment;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.territory.domain.KatoCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proposal attachments against the real schema ({@code sql/V004}), the attachment store on disk, the transaction
 * and the access rules: the Bostandyk demo resident attaches files to a draft of his own in a round open for
 * proposals (a new one per test, so tests do not share state).
 */
@ExtendWith(ArquillianExtension.class)
public class AttachmentIT {

    private static final KatoCode BOSTANDYK = KatoCode.of("751410000");

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(AttachmentIT.class)
                .addClasses(AttachmentFixtures.class, AttachmentFixtures.EndlessStream.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private AttachmentService attachments;
    @EJB
    private ProposalService proposals;
    @EJB
    private ProposalDecisions decisions;
    @EJB
    private RunAsBostandykResident resident;
    @EJB
    private RunAsEsilResident esilResident;
    @EJB
    private RunAsBostandykModerator bostandykModerator;
    @EJB
    private RunAsEsilModerator esilModerator;
    @Inject
    private AttachmentStore store;

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return Transactions.inTransaction(tx, work);
    }

    /** A Bostandyk round taking proposals now, and a draft of the demo resident in it. */
    private long newDraft() throws Exception {
        Instant now = Instant.now();
        Actor operator = Actor.staff("operator.almaty");
        long roundId = inTransaction(() -> {
            Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
            Instant day = now.truncatedTo(ChronoUnit.DAYS);
            starts.put(Phase.PROPOSAL_SUBMISSION, day.minus(1, ChronoUnit.DAYS));
            starts.put(Phase.MODERATION_AND_REVIEW, day.plus(20, ChronoUnit.DAYS));
            starts.put(Phase.VOTING, day.plus(40, ChronoUnit.DAYS));
            starts.put(Phase.COUNTING, day.plus(50, ChronoUnit.DAYS));
            starts.put(Phase.RESULTS_PUBLISHED, day.plus(55, ChronoUnit.DAYS));
            starts.put(Phase.IMPLEMENTATION, day.plus(80, ChronoUnit.DAYS));
            BudgetRound round = BudgetRound.draft(BOSTANDYK,
                    RoundText.title("Тіркемелер сынағы", "Проверка вложений", "Attachment test"),
                    RoundText.description("Сынақ раунды", "Тестовый раунд", null), 500_000_000L,
                    PhaseCalendar.of(ZoneId.of("Asia/Almaty"), starts), null, operator, now);
            round.changeBudget(500_000_000L, 50_000_000L);
            round.defineCategories(List.of(new RoundCategory("parks", "Саябақтар", "Парки", "Parks", null)));
            round.chooseBallotRule(BallotRule.approval(1, 3));
            round.chooseAllocationRule("greedy_cost");
            round.advanceTo(Phase.PROPOSAL_SUBMISSION, now, operator);
            em.persist(round);
            em.flush();
            return round.getId();
        });
        return resident.call(() -> proposals.draft(roundId, new ProposalForm("Ит серуендететін алаң",
                "Байзақов көшесіндегі аулада ит серуендететін қоршалған алаң.", "parks", "Байзақов көшесі, 280",
                null, null, List.of(new ProposalForm.Line("Қоршау мен жабдық", 1L, 3_500_000L)), List.of())));
    }

    private AttachmentView attach(long proposalId, String name, byte[] content) throws Exception {
        return resident.call(() -> attachments.attach(proposalId, name, new ByteArrayInputStream(content)));
    }

    private Path storedFile(long attachmentId) {
        return store.path(em.find(ProposalAttachment.class, attachmentId).storageKey());
    }

    private long rows(long proposalId) {
        return em.createQuery("select count(a) from ProposalAttachment a where a.proposalId = :p", Long.class)
                .setParameter("p", proposalId).getSingleResult();
    }

    /** Every file under the store's directory (stored and incoming). */
    private long filesInStore() throws IOException {
        Path root = store.path("0".repeat(64)).getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void assertRefused(Callable<?> action, String key) {
        assertThatThrownBy(action::call).isInstanceOfSatisfying(AttachmentRefused.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    public void theAuthorAttachesAnImageAndAPdfAndDownloadsThem() throws Exception {
        long proposalId = newDraft();
        byte[] pdf = AttachmentFixtures.pdf();

        AttachmentView photo = attach(proposalId, "алаң.jpg", AttachmentFixtures.png(60, 40, 1));
        AttachmentView estimate = attach(proposalId, "Смета 2027.pdf", pdf);

        assertThat(photo.fileName()).isEqualTo("алаң.png");
        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(estimate.fileName()).isEqualTo("Смета 2027.pdf");
        assertThat(estimate.sizeBytes()).isEqualTo(pdf.length);
        assertThat(resident.call(() -> attachments.list(proposalId))).extracting(AttachmentView::id)
                .containsExactly(photo.id(), estimate.id());
        Download download = resident.call(() -> attachments.open(estimate.id()));
        assertThat(download.mediaType()).isEqualTo("application/pdf");
        assertThat(Files.readAllBytes(download.file())).isEqualTo(pdf);
        assertThat(download.sha256()).isEqualTo(estimate.sha256());
        assertThat(download.file().toString()).doesNotContain("Смета");
        assertThat(em.createQuery("select count(a) from AuditEntry a where a.action = 'proposal.attachment.add'"
                        + " and a.entityType = 'ProposalAttachment' and a.entityId in :ids", Long.class)
                .setParameter("ids", List.of(String.valueOf(photo.id()), String.valueOf(estimate.id())))
                .getSingleResult()).isEqualTo(2);
    }

    @Test
    public void refusalsLeaveNeitherARowNorAFile() throws Exception {
        long proposalId = newDraft();
        long filesBefore = filesInStore();

        assertRefused(() -> attach(proposalId, "photo.jpg", AttachmentFixtures.elf()), AttachmentRefused.TYPE);
        assertRefused(() -> attach(proposalId, "photo.jpg", AttachmentFixtures.windowsExecutable()), AttachmentRefused.TYPE);
        assertRefused(() -> attach(proposalId, "photo.jpg", AttachmentFixtures.zip()), AttachmentRefused.TYPE);
        assertRefused(() -> attach(proposalId, "logo.svg", AttachmentFixtures.svgWithScript()), AttachmentRefused.TYPE);
        assertRefused(() -> attach(proposalId, "photo.png", AttachmentFixtures.html()), AttachmentRefused.TYPE);
        assertRefused(() -> attach(proposalId, "smeta.pdf",
                AttachmentFixtures.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")),
                AttachmentRefused.PDF_ACTIVE_CONTENT);
        assertRefused(() -> attach(proposalId, "smeta.pdf",
                AttachmentFixtures.concat(AttachmentFixtures.pdf(), AttachmentFixtures.zip())), AttachmentRefused.MIXED_CONTENT);
        assertRefused(() -> attach(proposalId, "bomb.png", AttachmentFixtures.pngHeader(100_000, 100_000)),
                AttachmentRefused.IMAGE_TOO_BIG);
        assertRefused(() -> attach(proposalId, "../../etc/passwd.png", AttachmentFixtures.png(8, 8, 1)),
                AttachmentRefused.NAME);
        assertRefused(() -> attach(proposalId, "photo\u0000.png", AttachmentFixtures.png(8, 8, 1)), AttachmentRefused.NAME);
        assertRefused(() -> attach(proposalId, "invoice\u202Egnp.exe", AttachmentFixtures.png(8, 8, 1)),
                AttachmentRefused.NAME);
        assertRefused(() -> resident.call(() -> attachments.attach(proposalId, "huge.pdf",
                new AttachmentFixtures.EndlessStream())), AttachmentRefused.TOO_LARGE);

        assertThat(rows(proposalId)).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
    }

    @Test
    public void theSameFileIsNotAttachedTwiceAndTheEleventhFileIsRefused() throws Exception {
        long proposalId = newDraft();
        attach(proposalId, "1.png", AttachmentFixtures.png(10, 10, 1));

        assertRefused(() -> attach(proposalId, "again.png", AttachmentFixtures.png(10, 10, 1)), AttachmentRefused.DUPLICATE);
        for (int i = 2; i <= 10; i++) {
            attach(proposalId, i + ".png", AttachmentFixtures.png(10, 10, i));
        }
        assertRefused(() -> attach(proposalId, "11.png", AttachmentFixtures.png(10, 10, 11)), AttachmentRefused.COUNT);
        assertThat(rows(proposalId)).isEqualTo(10);
    }

    @Test
    public void aDraftsAttachmentsAreHiddenFromOthersButNotFromItsTerritorysModerator() throws Exception {
        long proposalId = newDraft();
        long attachmentId = attach(proposalId, "plan.pdf", AttachmentFixtures.pdf()).id();

        assertThatThrownBy(() -> esilResident.call(() -> attachments.attach(proposalId, "x.png",
                new ByteArrayInputStream(AttachmentFixtures.png(8, 8, 9))))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> esilResident.call(() -> attachments.open(attachmentId))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> esilResident.call(() -> attachments.list(proposalId))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> esilResident.call(() -> {
            attachments.remove(attachmentId);
            return null;
        })).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> attachments.open(attachmentId)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> esilModerator.call(() -> attachments.open(attachmentId)))
                .isInstanceOfAny(AccessRefused.class, NotFound.class);
        assertThat(bostandykModerator.call(() -> attachments.open(attachmentId)).fileName()).isEqualTo("plan.pdf");
        assertThat(rows(proposalId)).isEqualTo(1);
    }

    @Test
    public void onceAcceptedTheAttachmentsArePublicAndFrozen() throws Exception {
        long proposalId = newDraft();
        long attachmentId = attach(proposalId, "plan.pdf", AttachmentFixtures.pdf()).id();
        resident.call(() -> {
            proposals.submit(proposalId);
            return null;
        });
        bostandykModerator.call(() -> {
            decisions.startModeration(proposalId);
            decisions.accept(proposalId);
            return null;
        });

        assertThat(esilResident.call(() -> attachments.open(attachmentId)).fileName()).isEqualTo("plan.pdf");
        assertThat(attachments.list(proposalId)).hasSize(1);
        assertRefused(() -> attach(proposalId, "more.png", AttachmentFixtures.png(8, 8, 2)), AttachmentRefused.NOT_EDITABLE);
        assertRefused(() -> resident.call(() -> {
            attachments.remove(attachmentId);
            return null;
        }), AttachmentRefused.NOT_EDITABLE);
    }

    @Test
    public void removingDeletesTheFileOnceTheRemovalCommitted() throws Exception {
        long proposalId = newDraft();
        long attachmentId = attach(proposalId, "plan.png", AttachmentFixtures.png(12, 12, 4)).id();
        Path file = storedFile(attachmentId);
        assertThat(file).isRegularFile();

        resident.call(() -> {
            attachments.remove(attachmentId);
            return null;
        });

        assertThat(file).doesNotExist();
        assertThat(rows(proposalId)).isZero();
        assertThat(em.createQuery("select count(a) from AuditEntry a where a.action = 'proposal.attachment.remove'"
                + " and a.entityId = :id", Long.class).setParameter("id", String.valueOf(attachmentId))
                .getSingleResult()).isEqualTo(1);
    }

    @Test
    public void aRolledBackAttachmentLeavesNoOrphanFile() throws Exception {
        long proposalId = newDraft();
        long filesBefore = filesInStore();

        tx.begin();
        Path file;
        try {
            long attachmentId = attach(proposalId, "plan.png", AttachmentFixtures.png(14, 14, 5)).id();
            file = storedFile(attachmentId);
            assertThat(file).isRegularFile();
        } finally {
            tx.rollback();
        }

        assertThat(file).doesNotExist();
        assertThat(rows(proposalId)).isZero();
        assertThat(filesInStore()).isEqualTo(filesBefore);
    }

    @Test
    public void theDownloadIsAnAttachmentThatNoBrowserRunsAndHiddenOnesAreNotFound() throws Exception {
        long proposalId = newDraft();
        byte[] pdf = AttachmentFixtures.pdf();
        AttachmentView estimate = attach(proposalId, "Смета \"2027\".pdf", pdf);
        long draftOnly = attach(proposalId, "plan.png", AttachmentFixtures.png(9, 9, 6)).id();
        resident.call(() -> {
            proposals.submit(proposalId);
            return null;
        });
        bostandykModerator.call(() -> {
            decisions.startModeration(proposalId);
            decisions.accept(proposalId);
            return null;
        });
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + System.getProperty("qatysu.arquillian.port", "18081") + "/attachments/";

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + estimate.id())).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(pdf.length));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"_____ _2027_.pdf\"; filename*=UTF-8''%D0%A1%D0%BC%D0%B5%D1%82%D0%B0%20_2027_.pdf");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + estimate.sha256() + "\"");
        // the proposal is public now, so its other attachment is too; a draft's is not (next proposal)
        assertThat(status(http, base + draftOnly)).isEqualTo(200);
        long hidden = attach(newDraft(), "plan.pdf", AttachmentFixtures.pdf()).id();
        assertThat(status(http, base + hidden)).isEqualTo(404);
        assertThat(status(http, base + "999999999")).isEqualTo(404);
        assertThat(status(http, base + "..%2F..%2Fetc%2Fpasswd")).isIn(400, 404);
        assertThat(status(http, base + "abc")).isEqualTo(404);
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
