package kz.qatysu.registry.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML form of an allocation notice, the body of SOAP deliveries: element {@code allocationNotice} in namespace
 * {@value #NAMESPACE} with one child element per member, named as in the JSON form; projects are {@code project}
 * elements inside {@code projects}. Reading is strict: unknown, repeated or missing elements are refused with their
 * path.
 */
public final class AllocationNoticeXml {

    /** The namespace of the notice's elements. */
    public static final String NAMESPACE = "urn:kz:qatysu:registry:allocation:1";
    /** The local name of the notice element. */
    public static final String ROOT = "allocationNotice";

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");

    private AllocationNoticeXml() {
    }

    /**
     * The notice as an element of {@code doc}, not yet attached; its namespace is declared on it, so that it
     * canonicalises the same before and after a round trip through text.
     */
    public static Element toElement(Document doc, AllocationNotice notice) {
        Element root = doc.createElementNS(NAMESPACE, ROOT);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, NAMESPACE);
        add(root, "messageKind", notice.messageKind());
        add(root, "roundId", Long.toString(notice.roundId()));
        add(root, "version", Integer.toString(notice.version()));
        add(root, "roundTitle", notice.roundTitle());
        add(root, "territoryKato", notice.territoryKato());
        add(root, "territoryName", notice.territoryName());
        add(root, "budget", notice.budget().toPlainString());
        add(root, "currency", notice.currency());
        add(root, "rule", notice.rule());
        add(root, "manifestHash", notice.manifestHash());
        add(root, "merkleRoot", notice.merkleRoot());
        add(root, "protocolDigest", notice.protocolDigest());
        add(root, "closedAt", notice.closedAt().toString());
        Element projects = add(root, "projects", null);
        for (AllocatedProject project : notice.projects()) {
            Element p = add(projects, "project", null);
            add(p, "proposalId", Long.toString(project.proposalId()));
            add(p, "title", project.title());
            add(p, "territoryKato", project.territoryKato());
            add(p, "budgetClassification", project.budgetClassification());
            add(p, "amount", project.amount().toPlainString());
            add(p, "votes", Long.toString(project.votes()));
            add(p, "funded", Boolean.toString(project.funded()));
        }
        return root;
    }

    /**
     * Reads a notice from its element.
     *
     * @throws MalformedMessage naming the element at fault
     */
    public static AllocationNotice fromElement(Element element) {
        if (!NAMESPACE.equals(element.getNamespaceURI()) || !ROOT.equals(element.getLocalName())) {
            throw new MalformedMessage("expected {" + NAMESPACE + "}" + ROOT + ", got {"
                    + element.getNamespaceURI() + "}" + element.getLocalName());
        }
        Map<String, Element> fields = children(element, "notice", List.of("messageKind", "roundId", "version",
                "roundTitle", "territoryKato", "territoryName", "budget", "currency", "rule", "manifestHash",
                "merkleRoot", "protocolDigest", "closedAt", "projects"));
        List<AllocatedProject> projects = new ArrayList<>();
        int i = 0;
        for (Element project : elements(fields.get("projects"))) {
            String path = "notice.projects[" + i++ + "]";
            if (!"project".equals(project.getLocalName()) || !NAMESPACE.equals(project.getNamespaceURI())) {
                throw new MalformedMessage(path + ": expected a project element, got " + project.getLocalName());
            }
            projects.add(project(project, path));
        }
        try {
            return new AllocationNotice(
                    text(fields, "messageKind"),
                    whole(fields, "roundId", "notice"),
                    Math.toIntExact(whole(fields, "version", "notice")),
                    text(fields, "roundTitle"),
                    text(fields, "territoryKato"),
                    text(fields, "territoryName"),
                    decimal(fields, "budget", "notice"),
                    text(fields, "currency"),
                    text(fields, "rule"),
                    text(fields, "manifestHash"),
                    text(fields, "merkleRoot"),
                    text(fields, "protocolDigest"),
                    instant(fields, "closedAt"),
                    projects);
        } catch (ArithmeticException e) {
            throw new MalformedMessage("notice.version: out of range", e);
        } catch (MalformedMessage e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("notice: " + e.getMessage(), e);
        }
    }

    private static AllocatedProject project(Element element, String path) {
        Map<String, Element> fields = children(element, path, List.of("proposalId", "title", "territoryKato",
                "budgetClassification", "amount", "votes", "funded"));
        String funded = text(fields, "funded");
        if (!"true".equals(funded) && !"false".equals(funded)) {
            throw new MalformedMessage(path + ".funded: expected true or false, got \"" + funded + "\"");
        }
        try {
            return new AllocatedProject(
                    whole(fields, "proposalId", path),
                    text(fields, "title"),
                    text(fields, "territoryKato"),
                    text(fields, "budgetClassification"),
                    decimal(fields, "amount", path),
                    whole(fields, "votes", path),
                    Boolean.parseBoolean(funded));
        } catch (MalformedMessage e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage(path + ": " + e.getMessage(), e);
        }
    }

    private static Element add(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    /** The child elements, each expected name exactly once and nothing else. */
    private static Map<String, Element> children(Element parent, String path, List<String> expected) {
        Map<String, Element> found = new LinkedHashMap<>();
        for (Element child : elements(parent)) {
            String name = child.getLocalName();
            if (!NAMESPACE.equals(child.getNamespaceURI()) || !expected.contains(name)) {
                throw new MalformedMessage(path + "." + name + ": unknown element");
            }
            if (found.put(name, child) != null) {
                throw new MalformedMessage(path + "." + name + ": repeated");
            }
        }
        for (String name : expected) {
            if (!found.containsKey(name)) {
                throw new MalformedMessage(path + "." + name + ": missing");
            }
        }
        return found;
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static String text(Map<String, Element> fields, String name) {
        return fields.get(name).getTextContent();
    }

    private static long whole(Map<String, Element> fields, String name, String path) {
        String text = text(fields, name).strip();
        if (!WHOLE.matcher(text).matches()) {
            throw new MalformedMessage(path + "." + name + ": expected a whole number, got \"" + text + "\"");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedMessage(path + "." + name + ": out of range", e);
        }
    }

    private static BigDecimal decimal(Map<String, Element> fields, String name, String path) {
        return NoticeFields.parseMoney(text(fields, name).strip(), path + "." + name);
    }

    private static Instant instant(Map<String, Element> fields, String name) {
        String text = text(fields, name).strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessage("notice." + name + ": expected an ISO-8601 instant, got \"" + text + "\"",
                    e);
        }
    }
}
