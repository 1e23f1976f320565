package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The BOM ({@code bom/pom.xml}, artifact {@code jconvnet-bom}) pins every published jconvnet
 * module, so a user who imports it names no version. This test reads the poms (no Maven model, just
 * the XML) and fails when the two drift apart: a reactor module that publishes a jar is missing
 * from the BOM, a BOM entry names no reactor module, an entry's version is not
 * {@code ${project.version}}, or the BOM's own version differs from the root pom's (the BOM has no
 * parent, so nothing else keeps them equal).
 */
class BomCoverageTest {
    private static final String GROUP = "org.jconvnet";
    private static final String BOM_ARTIFACT = "jconvnet-bom";
    private static final String PINNED_VERSION = "${project.version}";

    @Test
    void theBomPinsEveryPublishedReactorModule() throws IOException {
        Path root = repositoryRoot();
        Map<String, String> poms = new LinkedHashMap<>();
        collectPoms(root, root, poms);
        List<String> problems = problems(poms);
        assertTrue(poms.size() > 10, "the scan found only " + poms.keySet() + " under " + root);
        assertTrue(problems.isEmpty(), "bom/pom.xml is out of step with the reactor (see the comment at its top):\n"
                + String.join("\n", problems));
    }

    @Test
    void detectsAMissingModuleAStaleEntryAWrongVersionAndAParent() {
        String root = pom("<artifactId>jconvnet-parent</artifactId><version>1.0</version><packaging>pom</packaging>"
                + "<modules><module>a</module><module>b</module><module>bom</module></modules>");
        String a = pom("<parent><artifactId>jconvnet-parent</artifactId></parent><artifactId>jconvnet-a</artifactId>");
        String b = pom("<parent><artifactId>jconvnet-parent</artifactId></parent><artifactId>jconvnet-b</artifactId>"
                + "<packaging>jar</packaging>");
        String goodBom = bom("1.0", entry("jconvnet-a", PINNED_VERSION) + entry("jconvnet-b", PINNED_VERSION));
        assertEquals(List.of(), problems(Map.of("pom.xml", root, "a/pom.xml", a, "b/pom.xml", b, "bom/pom.xml", goodBom)));

        String missingB = bom("1.0", entry("jconvnet-a", PINNED_VERSION));
        assertEquals(List.of("module b (jconvnet-b) publishes a jar but bom/pom.xml does not pin it"),
                problems(Map.of("pom.xml", root, "a/pom.xml", a, "b/pom.xml", b, "bom/pom.xml", missingB)));

        String staleAndWrong = bom("2.0", entry("jconvnet-a", "1.0") + entry("jconvnet-b", PINNED_VERSION)
                + entry("jconvnet-gone", PINNED_VERSION));
        assertEquals(List.of(
                        "bom/pom.xml: version 2.0 differs from the root pom's 1.0",
                        "bom/pom.xml: jconvnet-a is pinned at '1.0', not ${project.version}",
                        "bom/pom.xml: jconvnet-gone is no module of the reactor"),
                problems(Map.of("pom.xml", root, "a/pom.xml", a, "b/pom.xml", b, "bom/pom.xml", staleAndWrong)));

        String withParent = goodBom.replace("<artifactId>jconvnet-bom</artifactId>",
                "<parent><artifactId>jconvnet-parent</artifactId></parent><artifactId>jconvnet-bom</artifactId>");
        assertEquals(List.of("bom/pom.xml: has a <parent>; its users would inherit the parent's pins"),
                problems(Map.of("pom.xml", root, "a/pom.xml", a, "b/pom.xml", b, "bom/pom.xml", withParent)));

        Map<String, String> noBom = new LinkedHashMap<>(Map.of("pom.xml", root, "a/pom.xml", a, "b/pom.xml", b));
        assertEquals(List.of("no reactor module is the BOM (artifactId jconvnet-bom)"), problems(noBom));
    }

    /**
     * Every problem with the BOM, given the reactor's poms by path relative to the root
     * ({@code pom.xml}, {@code a/pom.xml}, ...).
     */
    static List<String> problems(Map<String, String> pomsByPath) {
        Element root = parse(pomsByPath.get("pom.xml"));
        String rootVersion = child(root, "version").orElse("?");
        Map<String, String> jarModules = new LinkedHashMap<>(); // artifactId -> module path
        String bomPath = null;
        for (Map.Entry<String, String> e : pomsByPath.entrySet()) {
            if (e.getKey().equals("pom.xml")) {
                continue;
            }
            Element project = parse(e.getValue());
            String artifactId = child(project, "artifactId").orElse("?");
            String modulePath = e.getKey().substring(0, e.getKey().length() - "/pom.xml".length());
            if (artifactId.equals(BOM_ARTIFACT)) {
                bomPath = e.getKey();
            } else if (!child(project, "packaging").orElse("jar").equals("pom")) {
                jarModules.put(artifactId, modulePath);
            }
        }
        List<String> problems = new ArrayList<>();
        if (bomPath == null) {
            problems.add("no reactor module is the BOM (artifactId " + BOM_ARTIFACT + ")");
            return problems;
        }
        Element bom = parse(pomsByPath.get(bomPath));
        if (child(bom, "parent").isPresent()) {
            problems.add(bomPath + ": has a <parent>; its users would inherit the parent's pins");
        }
        String bomVersion = child(bom, "version").orElse("?");
        if (!bomVersion.equals(rootVersion)) {
            problems.add(bomPath + ": version " + bomVersion + " differs from the root pom's " + rootVersion);
        }
        Set<String> pinned = new TreeSet<>();
        for (Element dependency : managedDependencies(bom)) {
            String artifactId = child(dependency, "artifactId").orElse("?");
            String group = child(dependency, "groupId").orElse("?");
            String version = child(dependency, "version").orElse("");
            pinned.add(artifactId);
            if (!version.equals(PINNED_VERSION)) {
                problems.add(bomPath + ": " + artifactId + " is pinned at '" + version + "', not " + PINNED_VERSION);
            }
            if (!group.equals(GROUP)) {
                problems.add(bomPath + ": " + group + ":" + artifactId + " is not a jconvnet artifact");
            } else if (!jarModules.containsKey(artifactId)) {
                problems.add(bomPath + ": " + artifactId + " is no module of the reactor");
            }
        }
        String bomFile = bomPath;
        jarModules.forEach((artifactId, modulePath) -> {
            if (!pinned.contains(artifactId)) {
                problems.add("module " + modulePath + " (" + artifactId + ") publishes a jar but " + bomFile
                        + " does not pin it");
            }
        });
        return problems;
    }

    /** Reads the root pom and, recursively, every {@code <module>} it lists, keyed by relative path. */
    private static void collectPoms(Path root, Path dir, Map<String, String> poms) throws IOException {
        Path pom = dir.resolve("pom.xml");
        String text = Files.readString(pom);
        poms.put(root.relativize(pom).toString().replace(pom.getFileSystem().getSeparator(), "/"), text);
        Optional<Element> modules = childElement(parse(text), "modules");
        if (modules.isEmpty()) {
            return;
        }
        for (Node n = modules.get().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("module")) {
                collectPoms(root, dir.resolve(e.getTextContent().trim()).normalize(), poms);
            }
        }
    }

    private static List<Element> managedDependencies(Element project) {
        List<Element> out = new ArrayList<>();
        Optional<Element> dependencies = childElement(project, "dependencyManagement")
                .flatMap(dm -> childElement(dm, "dependencies"));
        dependencies.ifPresent(deps -> {
            for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("dependency")) {
                    out.add(e);
                }
            }
        });
        return out;
    }

    /** The trimmed text of {@code parent}'s direct child element {@code name}, if there is one. */
    private static Optional<String> child(Element parent, String name) {
        return childElement(parent, name).map(e -> e.getTextContent().trim());
    }

    private static Optional<Element> childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("cannot parse a pom: " + e.getMessage(), e);
        }
    }

    private static String pom(String body) {
        return "<project><groupId>org.jconvnet</groupId>" + body + "</project>";
    }

    private static String bom(String version, String entries) {
        return pom("<artifactId>jconvnet-bom</artifactId><version>" + version + "</version><packaging>pom</packaging>"
                + "<dependencyManagement><dependencies>" + entries + "</dependencies></dependencyManagement>");
    }

    private static String entry(String artifactId, String version) {
        return "<dependency><groupId>org.jconvnet</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + version + "</version></dependency>";
    }

    /** The nearest directory at or above the working directory whose pom.xml lists the cli module. */
    private static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>cli</module>")) {
                return p;
            }
        }
        throw new AssertionError("the repository root (a pom.xml listing the cli module) was not found above "
                + Path.of("").toAbsolutePath());
    }
}
