package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the project's production sources has a {@code package-info.java} (house
 * rule: each package says what it is for). The check reads the sources, since javac writes no
 * {@code package-info.class} for a package-info that holds only a comment.
 */
class PackageInfoTest {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "shared", "node_modules", ".idea");

    @Test
    void everyMainSourcePackageHasAPackageInfo() throws IOException {
        Path root = repositoryRoot();
        assumeTrue(root != null, "the repository root (a pom.xml listing the cli module) was not found above "
                + Path.of("").toAbsolutePath());
        List<Path> sourceRoots = mainSourceRoots(root);
        Set<String> packages = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Path src : sourceRoots) {
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().forEach(dir -> {
                    String pkg = src.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
                    packages.add(pkg);
                    if (!Files.exists(dir.resolve("package-info.java"))) {
                        missing.add(root.relativize(dir) + " (package " + pkg + ")");
                    }
                });
            }
        }
        assertTrue(packages.contains("org.jconvnet.api") && packages.contains("org.jconvnet.cli"),
                "the scan found no api/cli sources under " + sourceRoots);
        assertTrue(missing.isEmpty(), "packages without package-info.java:\n" + String.join("\n", missing));
    }

    /** The nearest directory at or above the working directory whose pom.xml lists the cli module. */
    private static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>cli</module>")) {
                return p;
            }
        }
        return null;
    }

    /** Every {@code src/main/java} in the repository (modules and examples), skipping build output. */
    private static List<Path> mainSourceRoots(Path root) throws IOException {
        List<Path> roots = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.endsWith(Path.of("src", "main", "java"))) {
                    roots.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return root.relativize(dir).getNameCount() > 6 ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }
        });
        return roots;
    }
}
