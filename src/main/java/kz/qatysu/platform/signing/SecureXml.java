package kz.qatysu.platform.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsed and written with the JDK's own DOM implementation, hardened for documents from outside: namespace
 * aware, secure processing on, no DOCTYPE at all (so no entity expansion, no external entities or DTDs, XXE and
 * "billion laughs" are refused), no XInclude. Writing keeps the tree as it is (no indentation), which signed
 * documents need.
 */
public final class SecureXml {

    private static final DocumentBuilderFactory PARSERS = parsers();
    private static final TransformerFactory WRITERS = writers();
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** Parses a document; anything malformed or with a DOCTYPE is refused. */
    public static Document parse(byte[] xml) {
        return parse(new ByteArrayInputStream(xml));
    }

    /** Parses a document from a stream (not closed here); anything malformed or with a DOCTYPE is refused. */
    public static Document parse(InputStream xml) {
        try {
            return builder().parse(xml);
        } catch (SAXException e) {
            throw new XmlRefused("XML refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new XmlRefused("XML could not be read: " + e.getMessage(), e);
        }
    }

    /** An empty namespace-aware document to build on. */
    public static Document newDocument() {
        return builder().newDocument();
    }

    /** A node and its subtree as UTF-8 bytes, with an XML declaration when the node is a document. */
    public static byte[] write(Node node) {
        try {
            Transformer transformer = WRITERS.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION,
                    node.getNodeType() == Node.DOCUMENT_NODE ? "no" : "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML could not be written: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder builder = PARSERS.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory parsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static TransformerFactory writers() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
