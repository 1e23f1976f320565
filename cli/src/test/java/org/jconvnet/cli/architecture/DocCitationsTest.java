package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Comments and docs cite cuda-convnet's semantics by the numbered sections of
 * {@code docs/cuda-convnet.md} ("cuda-convnet.md §3.5"). This test keeps those citations valid:
 * every cited section must be a heading of that page, and no citation of the external
 * specification the project started from may remain (it is not part of the repository).
 *
 * <p>The scan covers every text file under the repository root except build output
 * ({@code target/}), {@code .git/} and the recorded runs ({@code docs/runs/}).
 */
class DocCitationsTest {
    private static final String DOC = "docs/cuda-convnet.md";
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea");
    private static final long MAX_BYTES = 4L << 20;
    /** This test's own source, whose self-test holds bad citations on purpose. */
    private static final String SELF = "DocCitationsTest.java";

    private static final String NUMBER = "\\d+(?:\\.\\d+)*";
    /** One cited number, written {@code §N} (or {@code section N} where a file keeps to ASCII). */
    private static final String CITED = "(?:§\\s?|sections?\\s+)" + NUMBER;
    private static final String SEPARATOR = "(?:\\s*[,/]\\s*|\\s+(?:and|to|or)\\s+)";
    /** "cuda-convnet.md" followed by a list of section numbers such as "§2.4 and §2.5" or "§3.6 to §3.8". */
    private static final Pattern CITATION = Pattern.compile(
            "cuda-convnet\\.md\\s+(" + CITED + "(?:" + SEPARATOR + CITED + ")*)");
    private static final Pattern CITED_NUMBER = Pattern.compile("(?<![\\d.])" + NUMBER);
    /** A bare "§N", as docs/cuda-convnet.md uses to refer to its own sections. */
    private static final Pattern SELF_REFERENCE = Pattern.compile("§\\s?(" + NUMBER + ")");
    private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+(" + NUMBER + ")\\.?\\s", Pattern.MULTILINE);
    /** Citations of the old external specification: "spec section 4.2", "spec 3.5", "spec §2.2". */
    private static final Pattern OLD_CITATION = Pattern.compile(
            "\\bspec(?:\\s+sections?\\s*|\\s*§\\s*|\\s+)\\d", Pattern.CASE_INSENSITIVE);
    /** The external specification's file name, assembled so that this source does not contain it. */
    private static final String OLD_DOCUMENT = "convnet" + "-spec";

    @Test
    void everyCitationNamesAHeadingAndNoOldCitationRemains() throws IOException {
        Path root = repositoryRoot();
        Set<String> headings = headings(Files.readString(root.resolve(DOC), StandardCharsets.UTF_8));
        assertTrue(headings.containsAll(List.of("1", "2.2", "3.5", "5.3", "10.8", "12")),
                DOC + " lacks the expected numbered headings: " + headings);
        List<String> problems = new ArrayList<>();
        int[] citations = {0};
        for (Path file : textFiles(root)) {
            String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            citations[0] += citedSections(text).size();
            problems.addAll(problems(name, text, headings));
        }
        assertTrue(citations[0] > 50, "the scan found only " + citations[0] + " citations under " + root);
        assertTrue(problems.isEmpty(), "bad citations (see " + DOC + "):\n" + String.join("\n", problems));
    }

    @Test
    void detectsAMissingSectionAnOldCitationAndTheOldDocument() {
        Set<String> headings = headings("## 3. Layers\n### 3.5 pool\n### 3.6 rnorm\n");
        assertEquals(List.of(), problems("Ok.java", "pooling (cuda-convnet.md §3.5 and §3.6)", headings));
        assertEquals(List.of(), problems("ok.kc", "/* pooling (cuda-convnet.md section 3.5) */", headings));
        assertEquals(1, problems("Bad.java", "pooling (cuda-convnet.md §3.5 to §3.9)", headings).size());
        assertEquals(1, problems("Bad.java", "pooling (cuda-convnet.md §4)", headings).size());
        assertEquals(1, problems("Bad.java", "pooling (spec section 3.5)", headings).size());
        assertEquals(1, problems("Bad.java", "pooling (spec 3.5)", headings).size());
        assertEquals(1, problems("Bad.md", "pooling (spec §3.5)", headings).size());
        assertEquals(1, problems("Bad.md", "see " + OLD_DOCUMENT + ".md", headings).size());
        assertEquals(1, problems(DOC, "as in §3.5 and §7", headings).size());
        assertEquals(List.of(), problems("Ok.java", "ParamSpec spec = specs.get(2); spec.rows()", headings));
    }

    /** The problems of one file: cited sections missing from the page, and old citations. */
    static List<String> problems(String name, String text, Set<String> headings) {
        List<String> out = new ArrayList<>();
        List<String> cited = citedSections(text);
        if (name.equals(DOC)) {
            Matcher self = SELF_REFERENCE.matcher(text);
            while (self.find()) {
                cited.add(self.group(1));
            }
        }
        for (String section : cited) {
            if (!headings.contains(section)) {
                out.add(name + ": cites §" + section + ", which is not a heading of " + DOC);
            }
        }
        Matcher old = OLD_CITATION.matcher(text);
        while (old.find()) {
            out.add(name + ": cites the external specification (\"" + old.group() + "...\"); cite "
                    + DOC + " instead");
        }
        if (text.contains(OLD_DOCUMENT)) {
            out.add(name + ": names " + OLD_DOCUMENT + ", which is not in the repository");
        }
        return out;
    }

    /** Every section number a "cuda-convnet.md §N ..." citation in {@code text} names. */
    static List<String> citedSections(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            Matcher n = CITED_NUMBER.matcher(m.group(1));
            while (n.find()) {
                out.add(n.group());
            }
        }
        return out;
    }

    /** The section numbers of the page's headings ("## 3. Layers" gives 3, "### 3.5 pool" gives 3.5). */
    static Set<String> headings(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The text files of the repository: no build output, no .git, no recorded runs, no binaries. */
    private static List<Path> textFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Path runs = root.resolve("docs").resolve("runs");
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skipped = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                return skipped || dir.equals(runs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && !file.endsWith(SELF)
                        && isText(Files.readAllBytes(file))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Text: no NUL byte (which every binary resource here has: npy, fatbin, png, jar). */
    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
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
