package kz.qatysu.registry.application;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.XmlSignatures;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeXml;
import kz.qatysu.registry.domain.MalformedMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP 1.2 messages exchanged with registries, in the style of the e-government gateway (ШЭП):
 * <pre>{@code
 * <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
 *   <soap:Header>
 *     <m:MessageHeader xmlns:m="urn:kz:qatysu:registry:message:1" Id="message-header">
 *       <m:MessageId>idempotency key</m:MessageId>
 *       <m:MessageDate>2026-05-04T10:15:30Z</m:MessageDate>
 *       <m:SenderInfo><m:SenderId>sender id</m:SenderId></m:SenderInfo>
 *       <m:MessageKind>allocation</m:MessageKind>
 *     </m:MessageHeader>
 *     <ds:Signature>… references #message-header and #notice …</ds:Signature>
 *   </soap:Header>
 *   <soap:Body>
 *     <allocationNotice xmlns="urn:kz:qatysu:registry:allocation:1" Id="notice">…</allocationNotice>
 *   </soap:Body>
 * </soap:Envelope>
 * }</pre>
 * The signature covers both the message header and the notice, so neither the message id nor the content can be
 * changed or swapped. A registry answers with {@code m:Acknowledgement} (the message id and a status) or a SOAP
 * fault; faults in SOAP 1.1 form ({@code faultcode} Client/Server) are read too.
 */
public final class SoapEnvelope {

    public static final String SOAP_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String MESSAGE_NS = "urn:kz:qatysu:registry:message:1";
    public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";
    /** Acknowledgement statuses. */
    public static final String RECEIVED = "RECEIVED";
    public static final String ALREADY_RECEIVED = "ALREADY_RECEIVED";

    static final String HEADER_ID = "message-header";
    static final String NOTICE_ID = "notice";

    private SoapEnvelope() {
    }

    /** A registry's request as read from its envelope; its signature is not checked yet. */
    public record Request(Document document, String messageId, Instant messageDate, String senderId,
                          String messageKind, Element messageHeader, Element notice) {

        /** The elements the signature must cover. */
        public List<Element> signedElements() {
            return List.of(messageHeader, notice);
        }
    }

    /** What a registry answered. */
    public sealed interface Answer {
    }

    /** The registry confirms the message ({@link #RECEIVED} or {@link #ALREADY_RECEIVED}). */
    public record Acknowledgement(String messageId, String status) implements Answer {
    }

    /**
     * A SOAP fault: {@code code} is the local name of the fault code (SOAP 1.2 {@code Sender}, {@code Receiver} …,
     * SOAP 1.1 {@code Client}, {@code Server} …).
     */
    public record Fault(String code, String reason) implements Answer {

        /** Whether the fault blames the message (Sender, Client), not the registry. */
        public boolean isSenderFault() {
            return "Sender".equals(code) || "Client".equals(code);
        }

        /** Whether the fault blames the registry (Receiver, Server): the same message may succeed later. */
        public boolean isReceiverFault() {
            return "Receiver".equals(code) || "Server".equals(code);
        }
    }

    /** The signed request carrying a notice. */
    public static Document request(String messageId, Instant messageDate, String senderId, AllocationNotice notice,
                                   SigningKeys keys) {
        Document doc = SecureXml.newDocument();
        Element envelope = envelope(doc);
        Element header = child(envelope, SOAP_NS, "soap:Header");
        Element body = child(envelope, SOAP_NS, "soap:Body");
        Element info = doc.createElementNS(MESSAGE_NS, "m:MessageHeader");
        info.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:m", MESSAGE_NS);
        info.setAttributeNS(null, XmlSignatures.ID_ATTRIBUTE, HEADER_ID);
        header.appendChild(info);
        text(info, "m:MessageId", messageId);
        text(info, "m:MessageDate", messageDate.toString());
        text(child(info, MESSAGE_NS, "m:SenderInfo"), "m:SenderId", senderId);
        text(info, "m:MessageKind", notice.messageKind());
        Element content = AllocationNoticeXml.toElement(doc, notice);
        content.setAttributeNS(null, XmlSignatures.ID_ATTRIBUTE, NOTICE_ID);
        body.appendChild(content);
        XmlSignatures.signElements(doc, List.of(info, content), header, keys);
        return doc;
    }

    /** A registry's positive answer. */
    public static Document acknowledgement(String messageId, String status) {
        Document doc = SecureXml.newDocument();
        Element body = child(envelope(doc), SOAP_NS, "soap:Body");
        Element ack = doc.createElementNS(MESSAGE_NS, "m:Acknowledgement");
        ack.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:m", MESSAGE_NS);
        body.appendChild(ack);
        text(ack, "m:MessageId", messageId);
        text(ack, "m:Status", status);
        return doc;
    }

    /** A SOAP 1.2 fault blaming the sender ({@code Sender}) or the registry ({@code Receiver}). */
    public static Document fault(boolean senderFault, String reason) {
        Document doc = SecureXml.newDocument();
        Element body = child(envelope(doc), SOAP_NS, "soap:Body");
        Element fault = child(body, SOAP_NS, "soap:Fault");
        text(child(fault, SOAP_NS, "soap:Code"), "soap:Value", senderFault ? "soap:Sender" : "soap:Receiver");
        Element text = doc.createElementNS(SOAP_NS, "soap:Text");
        text.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        text.setTextContent(reason);
        child(fault, SOAP_NS, "soap:Reason").appendChild(text);
        return doc;
    }

    /**
     * Reads a request envelope.
     *
     * @throws MalformedMessage when it is not one
     */
    public static Request readRequest(Document doc) {
        Element envelope = doc.getDocumentElement();
        require(envelope, SOAP_NS, "Envelope", "a SOAP 1.2 envelope");
        List<Element> parts = elements(envelope);
        if (parts.size() != 2) {
            throw new MalformedMessage("a SOAP envelope holds a header and a body");
        }
        Element header = require(parts.get(0), SOAP_NS, "Header", "soap:Header");
        Element body = require(parts.get(1), SOAP_NS, "Body", "soap:Body");
        Element info = one(header, MESSAGE_NS, "MessageHeader");
        List<Element> content = elements(body);
        if (content.size() != 1) {
            throw new MalformedMessage("the SOAP body holds one message, found " + content.size() + " elements");
        }
        String messageId = textOf(one(info, MESSAGE_NS, "MessageId"));
        Instant date;
        String dateText = textOf(one(info, MESSAGE_NS, "MessageDate"));
        try {
            date = Instant.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new MalformedMessage("MessageDate is not an ISO-8601 instant: " + dateText, e);
        }
        String senderId = textOf(one(one(info, MESSAGE_NS, "SenderInfo"), MESSAGE_NS, "SenderId"));
        String kind = textOf(one(info, MESSAGE_NS, "MessageKind"));
        return new Request(doc, messageId, date, senderId, kind, info, content.get(0));
    }

    /**
     * Reads a registry's answer: an acknowledgement or a fault (SOAP 1.2 or 1.1).
     *
     * @throws MalformedMessage when it is neither
     */
    public static Answer readAnswer(Document doc) {
        Element envelope = doc.getDocumentElement();
        String ns = envelope.getNamespaceURI();
        if (!"Envelope".equals(envelope.getLocalName()) || !(SOAP_NS.equals(ns) || SOAP11_NS.equals(ns))) {
            throw new MalformedMessage("not a SOAP envelope");
        }
        Element body = one(envelope, ns, "Body");
        List<Element> content = elements(body);
        if (content.size() != 1) {
            throw new MalformedMessage("the SOAP body holds one answer, found " + content.size() + " elements");
        }
        Element answer = content.get(0);
        if (ns.equals(answer.getNamespaceURI()) && "Fault".equals(answer.getLocalName())) {
            return SOAP_NS.equals(ns) ? fault12(answer) : fault11(answer);
        }
        require(answer, MESSAGE_NS, "Acknowledgement", "an acknowledgement or a fault");
        return new Acknowledgement(textOf(one(answer, MESSAGE_NS, "MessageId")),
                textOf(one(answer, MESSAGE_NS, "Status")).toUpperCase(Locale.ROOT));
    }

    private static Fault fault12(Element fault) {
        Element value = one(one(fault, SOAP_NS, "Code"), SOAP_NS, "Value");
        String reason = "";
        List<Element> reasons = children(fault, SOAP_NS, "Reason");
        if (!reasons.isEmpty()) {
            List<Element> texts = children(reasons.get(0), SOAP_NS, "Text");
            reason = texts.isEmpty() ? "" : texts.get(0).getTextContent().strip();
        }
        return new Fault(localName(value), reason);
    }

    private static Fault fault11(Element fault) {
        List<Element> codes = children(fault, null, "faultcode");
        if (codes.size() != 1) {
            throw new MalformedMessage("a SOAP 1.1 fault has one faultcode");
        }
        List<Element> strings = children(fault, null, "faultstring");
        return new Fault(localName(codes.get(0)), strings.isEmpty() ? "" : strings.get(0).getTextContent().strip());
    }

    /** The local part of a QName written as element text ({@code soap:Sender} → {@code Sender}). */
    private static String localName(Element qname) {
        String text = textOf(qname);
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1);
    }

    private static Element envelope(Document doc) {
        Element envelope = doc.createElementNS(SOAP_NS, "soap:Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:soap", SOAP_NS);
        doc.appendChild(envelope);
        return envelope;
    }

    private static Element child(Element parent, String ns, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static void text(Element parent, String qualifiedName, String text) {
        child(parent, parent.getNamespaceURI(), qualifiedName).setTextContent(text);
    }

    private static Element require(Element element, String ns, String localName, String what) {
        if (!ns.equals(element.getNamespaceURI()) || !localName.equals(element.getLocalName())) {
            throw new MalformedMessage("expected " + what + ", found {" + element.getNamespaceURI() + "}"
                    + element.getLocalName());
        }
        return element;
    }

    private static Element one(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        if (found.size() != 1) {
            throw new MalformedMessage(parent.getLocalName() + " must hold one " + localName + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : elements(parent)) {
            if (localName.equals(child.getLocalName()) && Objects.equals(ns, child.getNamespaceURI())) {
                found.add(child);
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

    private static String textOf(Element element) {
        String text = element.getTextContent().strip();
        if (text.isEmpty()) {
            throw new MalformedMessage(element.getLocalName() + " is empty");
        }
        return text;
    }
}
