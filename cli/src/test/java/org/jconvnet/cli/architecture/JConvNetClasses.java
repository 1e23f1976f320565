package org.jconvnet.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of every jconvnet module, as ArchUnit sees them. The cli module's test
 * class path holds every module (and no test classes of other modules), so this is the whole
 * project; test classes of the cli itself are excluded.
 */
final class JConvNetClasses {
    private static JavaClasses classes;

    private JConvNetClasses() {
    }

    /** Imports once per test JVM: the import reads every class file of the project. */
    static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.jconvnet");
        }
        return classes;
    }
}
