package dev.nnfs.service.plot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Parses documents with the JDK's XML parser (namespace-aware, no DTDs), failing on
 * anything not well-formed.
 */
public final class Xml {

	private Xml() {
	}

	public static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	/** Elements with the given local name in the SVG namespace, in document order. */
	public static List<Element> svgElements(Document doc, String localName) {
		NodeList nodes = doc.getElementsByTagNameNS(SvgWriter.SVG_NAMESPACE, localName);
		List<Element> out = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add((Element) nodes.item(i));
		}
		return out;
	}

	/** The first element with the given class attribute (exact token match). */
	public static Element byClass(Document doc, String cls) {
		NodeList nodes = doc.getElementsByTagNameNS(SvgWriter.SVG_NAMESPACE, "*");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element e = (Element) nodes.item(i);
			if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
				return e;
			}
		}
		throw new AssertionError("no element of class " + cls);
	}

	/** The texts of the {@code <text>} elements under {@code parent}, in order. */
	public static List<String> texts(Element parent) {
		NodeList nodes = parent.getElementsByTagNameNS(SvgWriter.SVG_NAMESPACE, "text");
		List<String> out = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add(nodes.item(i).getTextContent());
		}
		return out;
	}

}
