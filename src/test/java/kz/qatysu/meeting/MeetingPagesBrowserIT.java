package kz.qatysu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Staff record a local community meeting through its pages and register attendees until the quorum is met; and
 * every page of each kind of user renders (no error page) in each language.
 */
public class MeetingPagesBrowserIT extends PortalBrowserTest {

    @Test
    public void aModeratorRecordsAMeetingAndRegistersAttendeesUntilTheQuorumIsMet() throws Exception {
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.open(PORTAL + "/staff/meetings.xhtml");
        String place = "Бостандық ауданы әкімдігі, мәжіліс залы " + System.nanoTime();
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        browser.type(By.id("recordForm:territoryCode"), "751410000");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('recordForm:heldOn_input').value = arguments[0];", today);
        browser.type(By.id("recordForm:place"), place);
        browser.type(By.id("recordForm:agenda"), "1. Аулаларды абаттандыру ұсыныстары.\n2. Разное.");
        browser.type(By.id("recordForm:quorumValue"), "10");
        browser.type(By.id("recordForm:eligibleResidents"), "20");
        browser.click(By.id("recordForm:record"));
        try {
            browser.awaitUrlContains("/staff/meeting.xhtml?id=");
        } catch (AssertionError e) {
            throw new AssertionError("Not recorded: " + browser.text(By.id("recordForm")), e);
        }
        long id = Long.parseLong(browser.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(browser.text(By.id("placeText"))).isEqualTo(place);
        browser.screenshot("meeting-recorded-en");

        for (String iin : List.of("800416100254", "800416100254", "800101100013")) {
            browser.type(By.id("attendeeForm:iin"), iin);
            browser.click(By.id("attendeeForm:addAttendee"));
            browser.awaitUrlContains("id=" + id);
        }
        assertThat(browser.text(By.id("quorumAttendees"))).isEqualTo("2");
        assertThat(browser.text(By.id("attendeesForm:attendees"))).contains("800416******").doesNotContain("800416100254");
        assertThat(Database.count("select count(*) from community_meeting_attendee where meeting_id = ?", id)).isEqualTo(2);

        // A resident of Esil is refused with a message next to the field, and nothing is written.
        browser.type(By.id("attendeeForm:iin"), "750505200024");
        browser.click(By.id("attendeeForm:addAttendee"));
        assertThat(browser.text(By.id("attendeeForm"))).isNotBlank();
        assertThat(Database.count("select count(*) from community_meeting_attendee where meeting_id = ?", id)).isEqualTo(2);
        browser.screenshot("meeting-attendees-en");
    }

    @Test
    public void everyPageOfStaffAndAdministratorsRendersInEachLanguage() {
        Portal.signInAsStaff(browser, "admin");
        for (String language : List.of("kk", "ru", "en")) {
            Portal.chooseLanguage(browser, language);
            for (String page : List.of("/staff/index.xhtml", "/staff/moderation.xhtml", "/staff/review.xhtml",
                    "/staff/meetings.xhtml", "/admin/rounds.xhtml", "/admin/audit.xhtml", "/admin/staff.xhtml",
                    "/admin/kato.xhtml", "/rounds.xhtml", "/proposals.xhtml")) {
                browser.open(PORTAL + page);
                assertThat(browser.driver().findElements(By.id("errorHeading"))).as(language + " " + page).isEmpty();
                assertThat(browser.pageSource()).as(language + " " + page).doesNotContain("???")
                        .doesNotContain("#{");
            }
        }
    }

    @Test
    public void everyCabinetPageRendersInEachLanguage() {
        Portal.signInWithEgov(browser, "800101100013");
        browser.awaitUrlContains("/cabinet");
        for (String language : List.of("kk", "ru", "en")) {
            Portal.chooseLanguage(browser, language);
            for (String page : List.of("/cabinet/index.xhtml", "/cabinet/proposals.xhtml",
                    "/cabinet/notifications.xhtml")) {
                browser.open(PORTAL + page);
                assertThat(browser.driver().findElements(By.id("errorHeading"))).as(language + " " + page).isEmpty();
                assertThat(browser.pageSource()).as(language + " " + page).doesNotContain("???").doesNotContain("#{");
            }
        }
    }
}
