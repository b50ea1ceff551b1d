package cn.bijie.innovation.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Ports and adapters, enforced: the domain packages import no adapter (DynamoDB, S3, SES, the HTTP edge, the SDK),
 * and no two packages of {@code shared} need each other. docs/ARCHITECTURE.md draws what these rules keep true.
 */
class ArchitectureTest {
    static final String ROOT = "cn.bijie.innovation.shared";

    /** What the system knows: records, rules, services and the ports they need. */
    static final String[] DOMAIN = {
            ROOT + ".application..", ROOT + ".audit..", ROOT + ".calculation..", ROOT + ".certification..",
            ROOT + ".documents..", ROOT + ".errors..", ROOT + ".idempotency..", ROOT + ".identity..",
            ROOT + ".ids..", ROOT + ".indicator..", ROOT + ".mail..", ROOT + ".organization..", ROOT + ".paging..",
            ROOT + ".notification..", ROOT + ".policy..", ROOT + ".reminder..", ROOT + ".retry..", ROOT + ".subsidy..",
            ROOT + ".time..", ROOT + ".uscc..", ROOT + ".validation..", ROOT + ".cultivation..",
            ROOT + ".imports..", ROOT + ".sheet..", ROOT + ".maintenance.."};

    /** How it reaches the world: the table, the bucket, mail, the HTTP API, the Lambda runtime. */
    static final String[] ADAPTERS = {
            ROOT + ".store..", ROOT + ".aws..", ROOT + ".smtp..", ROOT + ".http..", ROOT + ".crac..", ROOT + ".config..",
            "software.amazon..", "com.amazonaws.."};

    static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theDomain_importsNoAdapter() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .because("the domain knows no AWS and no HTTP: adapters implement its ports")
                .check(SHARED);
    }

    @Test
    void thePackagesOfShared_formNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SHARED);
    }
}
