package kz.qatysu.allocation.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact rational number, always kept in lowest terms with a positive denominator.
 * Used for money, endowments and every quantity that takes part in an allocation decision.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(BigInteger value) {
        return new Rational(value, BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(BigInteger numerator, BigInteger denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            return ZERO;
        }
        return new Rational(numerator, denominator);
    }

    public static Rational of(BigDecimal value) {
        if (value.scale() <= 0) {
            return of(value.toBigIntegerExact());
        }
        return of(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /**
     * Parses a plain decimal number such as {@code 75000}, {@code 75000.0}, {@code -1.5} or {@code 1e3}.
     *
     * @throws NumberFormatException if the text is not a finite decimal number
     */
    public static Rational parseDecimal(String text) {
        return of(new BigDecimal(text.trim()));
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    public Rational add(Rational other) {
        if (denominator.equals(other.denominator)) {
            return of(numerator.add(other.numerator), denominator);
        }
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational subtract(Rational other) {
        return add(other.negate());
    }

    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    public Rational multiply(Rational other) {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Rational multiply(long factor) {
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Rational divide(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Rational divide(long divisor) {
        return of(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    /** The largest integer not greater than this number. */
    public BigInteger floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    public Rational min(Rational other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Rational max(Rational other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** True when the number has a finite decimal expansion (denominator of the form 2^a·5^b). */
    public boolean hasFiniteDecimalExpansion() {
        BigInteger d = denominator;
        while (!d.testBit(0)) {
            d = d.shiftRight(1);
        }
        while (d.mod(FIVE).signum() == 0) {
            d = d.divide(FIVE);
        }
        return d.equals(BigInteger.ONE);
    }

    /**
     * The exact value as a decimal string ({@code "1234.5"}) when it has a finite decimal expansion,
     * otherwise as an exact fraction {@code "numerator/denominator"}. Never rounds.
     */
    public String toExactString() {
        if (isInteger()) {
            return numerator.toString();
        }
        if (hasFiniteDecimalExpansion()) {
            return toBigDecimalExact().stripTrailingZeros().toPlainString();
        }
        return numerator + "/" + denominator;
    }

    /** Exact conversion; only valid when {@link #hasFiniteDecimalExpansion()}. */
    public BigDecimal toBigDecimalExact() {
        int twos = 0;
        BigInteger d = denominator;
        while (!d.testBit(0)) {
            d = d.shiftRight(1);
            twos++;
        }
        int fives = 0;
        while (d.mod(FIVE).signum() == 0) {
            d = d.divide(FIVE);
            fives++;
        }
        if (!d.equals(BigInteger.ONE)) {
            throw new ArithmeticException("no finite decimal expansion: " + this);
        }
        int scale = Math.max(twos, fives);
        BigInteger scaledNumerator = numerator.multiply(TWO.pow(scale - twos)).multiply(FIVE.pow(scale - fives));
        return new BigDecimal(scaledNumerator, scale);
    }

    @Override
    public int compareTo(Rational other) {
        if (denominator.equals(other.denominator)) {
            return numerator.compareTo(other.numerator);
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    @Override
    public String toString() {
        return toExactString();
    }
}
