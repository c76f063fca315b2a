package kz.qatysu.citizen.domain;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid IINs of people born in the 19th century (no living holder), generated with the decree's algorithm, for test
 * data that never collides with a real person or with another test.
 */
public final class SyntheticIins {

    private SyntheticIins() {
    }

    /** A fresh valid IIN of a person born in the 1800s. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1850 + random.nextInt(49), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return of(birth, 1 + random.nextInt(2));
    }

    /** A fresh valid IIN of a man born on the given day (any century the IIN can say: 1800 to 2099). */
    public static String bornOn(LocalDate birth) {
        return of(birth, 1 + 2 * ((birth.getYear() - 1800) / 100));
    }

    /** A random serial after the birth date and century-sex digit, until one has a check digit. */
    private static String of(LocalDate birth, int centurySex) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String prefix = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), centurySex, random.nextInt(10_000));
            int[] d = new int[12];
            for (int i = 0; i < 11; i++) {
                d[i] = prefix.charAt(i) - '0';
            }
            int check = Iin.checkDigit(d);
            if (check >= 0) {
                return prefix + check;
            }
        }
    }

    /** The same IIN with a wrong check digit. */
    public static String withWrongCheckDigit(String valid) {
        int last = valid.charAt(11) - '0';
        return valid.substring(0, 11) + ((last + 1) % 10);
    }
}
