package kz.qatysu.platform.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How pages show money and moments: whole tenge with the language's digit grouping ({@code 1 200 000 ₸}), instants
 * as local date and time in the platform's zone (Asia/Almaty by default, {@code qatysu.time-zone}).
 */
@Named
@ApplicationScoped
public class Formats {

    @Inject
    private Clock clock;
    @Inject
    private LocaleBacking locale;

    /** e.g. {@code 1 200 000 ₸}; empty for {@code null}. */
    public String tenge(Long amount) {
        if (amount == null) {
            return "";
        }
        return NumberFormat.getIntegerInstance(locale.getLocale()).format(amount) + "\u00a0₸";
    }

    /** e.g. {@code 14.03.2027, 09:30}; empty for {@code null}. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale current = locale.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(current)
                .format(instant.atZone(clock.getZone()));
    }
}
