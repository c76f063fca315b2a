package kz.qatysu.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and amounts as pages show them: local time of the platform's zone, tenge with grouping, in the view's language. */
@Named("formats")
@RequestScoped
public class Formats {

    @Inject
    private LocaleBacking locale;
    @Inject
    private Clock clock;

    /** e.g. "28.11.2026 14:05" in the platform's zone; empty for {@code null}. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale.getLocale())
                .withZone(clock.getZone()).format(instant);
    }

    /** e.g. "3 000 000 ₸"; empty for {@code null}. */
    public String tenge(Long amount) {
        if (amount == null) {
            return "";
        }
        return NumberFormat.getIntegerInstance(locale.getLocale()).format(amount) + " ₸";
    }
}
