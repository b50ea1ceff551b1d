package cn.bijie.innovation.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runner's parts (template, emulator, function, http, auth, stream, schedule, support) depend on each other
 * without a cycle, and only the top package puts them together.
 */
public class PackagesTest {
    private static final JavaClasses RUNNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.bijie.innovation.local");

    @Test
    void partsFormNoCycle() {
        slices().matching("cn.bijie.innovation.local.(*)..").should().beFreeOfCycles().check(RUNNER);
    }

    @Test
    void partsDoNotReachBackIntoTheRunner() {
        noClasses().that().resideInAPackage("cn.bijie.innovation.local.*..")
                .should().dependOnClassesThat().resideInAPackage("cn.bijie.innovation.local")
                .check(RUNNER);
    }
}
