package kz.qatysu.platform.signing;

/** XML that is not well-formed or uses what the platform refuses to parse (DTDs, external entities). */
public class XmlRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public XmlRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
