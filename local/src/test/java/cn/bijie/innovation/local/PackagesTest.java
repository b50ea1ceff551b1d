package cn.bijie.innovation.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The parts of local-stack (template, emulator, support, client; {@code EmulatorStack} on top) and of the runner
 * (function, http, auth, stream, schedule, web; {@code runner} on top) depend on each other without a cycle; only the
 * top packages put them together; local-stack knows nothing of the runner; only {@code http} uses {@code shared}.
 */
public class PackagesTest {
    private static final String[] RUNNER_PARTS = {"cn.bijie.innovation.local.runner..", "cn.bijie.innovation.local.function..",
            "cn.bijie.innovation.local.http..", "cn.bijie.innovation.local.auth..", "cn.bijie.innovation.local.stream..",
            "cn.bijie.innovation.local.schedule..", "cn.bijie.innovation.local.web..",
            "cn.bijie.innovation.local.notification.."};
    private static final JavaClasses LOCAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.bijie.innovation.local");

    @Test
    void partsFormNoCycle() {
        slices().matching("cn.bijie.innovation.local.(*)..").should().beFreeOfCycles().check(LOCAL);
    }

    @Test
    void partsDoNotReachBackIntoWhatPutsThemTogether() {
        noClasses().that().resideInAPackage("cn.bijie.innovation.local.*..")
                .and().resideOutsideOfPackage("cn.bijie.innovation.local.runner..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.bijie.innovation.local", "cn.bijie.innovation.local.runner..")
                .check(LOCAL);
    }

    @Test
    void localStackKnowsNothingOfTheRunner() {
        noClasses().that().resideInAnyPackage("cn.bijie.innovation.local", "cn.bijie.innovation.local.template..",
                        "cn.bijie.innovation.local.emulator..", "cn.bijie.innovation.local.support..",
                        "cn.bijie.innovation.local.client..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNER_PARTS)
                .check(LOCAL);
    }

    @Test
    void onlyTheHttpApiUsesShared() {
        noClasses().that().resideOutsideOfPackage("cn.bijie.innovation.local.http..")
                .should().dependOnClassesThat().resideInAPackage("cn.bijie.innovation.shared..")
                .check(LOCAL);
    }
}
