package io.camelinference.karaf;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The features of features.xml as Karaf reads them: each feature's bundles and the features it requires. */
record FeaturesXml(Map<String, Feature> features) {

    record Feature(String name, List<String> bundles, List<String> requires) {
    }

    static FeaturesXml read(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(in);
        Map<String, Feature> features = new LinkedHashMap<>();
        NodeList list = doc.getDocumentElement().getElementsByTagNameNS("*", "feature");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (!e.hasAttribute("name")) {
                continue;
            }
            List<String> bundles = new ArrayList<>();
            List<String> requires = new ArrayList<>();
            NodeList children = e.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element c) {
                    if (c.getLocalName().equals("bundle")) {
                        bundles.add(c.getTextContent().trim());
                    } else if (c.getLocalName().equals("feature")) {
                        requires.add(c.getTextContent().trim());
                    }
                }
            }
            features.put(e.getAttribute("name"), new Feature(e.getAttribute("name"), bundles, requires));
        }
        return new FeaturesXml(features);
    }

    /** The bundles a feature installs, its required features' first, each once. */
    List<String> bundlesOf(String name, List<String> external) {
        List<String> answer = new ArrayList<>();
        collect(name, external, answer);
        return answer;
    }

    private void collect(String name, List<String> external, List<String> into) {
        Feature feature = features.get(name);
        if (feature == null) {
            external.add(name);
            return;
        }
        feature.requires().forEach(r -> collect(r, external, into));
        feature.bundles().stream().filter(b -> !into.contains(b)).forEach(into::add);
    }
}
