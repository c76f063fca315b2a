package kz.qatysu.allocation.domain;

import java.math.BigInteger;

/**
 * Rigorous double enclosures of exact quantities, for the filtered fast path of {@link MesEngine}.
 *
 * <p>{@link #approx} has a relative error below 2<sup>-52</sup>: the quotient is truncated to at least 64
 * significant bits (relative error &lt; 2<sup>-63</sup>) and then rounded once to a double (2<sup>-53</sup>).
 * Every bound below uses 2<sup>-50</sup>, a safety factor of 4 over that.</p>
 */
final class FloatBounds {

    /** Relative error bound used for every converted quantity. */
    static final double REL = 0x1p-50;

    private FloatBounds() {
    }

    /** num / den as a double with relative error below 2^-52; num ≥ 0, den > 0. */
    static double approx(BigInteger num, BigInteger den) {
        if (num.signum() == 0) {
            return 0;
        }
        int shift = num.bitLength() - den.bitLength() - 64;
        BigInteger q = shift >= 0 ? num.divide(den.shiftLeft(shift)) : num.shiftLeft(-shift).divide(den);
        return Math.scalb(q.doubleValue(), shift);
    }

    /** A double not greater than num / den (num ≥ 0, den > 0). */
    static double lower(BigInteger num, BigInteger den) {
        double d = approx(num, den);
        return d == 0 ? 0 : Math.nextDown(d * (1 - REL));
    }

    /** A double not smaller than num / den (num ≥ 0, den > 0). */
    static double upper(BigInteger num, BigInteger den) {
        double d = approx(num, den);
        return d == 0 ? 0 : Math.nextUp(d * (1 + REL));
    }
}
