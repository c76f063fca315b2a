package kz.qatysu.anomaly.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a client address belongs to, as the anomaly report groups casts: the /24 of an IPv4 address, the /48
 * of an IPv6 one (a household or a small organisation), never the address itself.
 */
public final class NetworkPrefix {

    /** What an address that cannot be read becomes (so such casts still group together). */
    public static final String UNKNOWN = "unknown";

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NetworkPrefix() {
    }

    /** e.g. {@code 203.0.113.0/24}, {@code 2001:db8:5:0:0:0:0:0/48}; {@link #UNKNOWN} for anything not an address. */
    public static String of(String address) {
        if (address == null) {
            return UNKNOWN;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // Only literals: InetAddress would otherwise look a host name up.
        if (!LITERAL.matcher(literal).matches()
                || (!literal.contains(":") && !DOTTED_QUAD.matcher(literal).matches())) {
            return UNKNOWN;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            if (parsed instanceof Inet6Address) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 6; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/48").toString();
            }
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }
}
