package cn.bijie.innovation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateFunctionsTest {

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    @Test
    void everyFunctionOfTheTemplate_isASubject_withItsJarHandlerAndRoutes() throws Exception {
        List<FunctionUnderTest> functions = TemplateFunctions.read(root());

        assertThat(functions).extracting(FunctionUnderTest::logicalId).contains("OrganizationsFunction",
                "SendRemindersFunction", "CalculateSubsidyFunction", "IndicatorsFunction");
        FunctionUnderTest organizations = functions.stream()
                .filter(f -> f.logicalId().equals("OrganizationsFunction")).findFirst().orElseThrow();
        assertThat(organizations.handler())
                .isEqualTo("cn.bijie.innovation.functions.organizations.OrganizationsHandler");
        assertThat(organizations.jar()).isEqualTo(root().resolve("functions/organizations/target/organizations.jar"));
        assertThat(organizations.routes()).containsExactlyInAnyOrder("PUT /organizations/{uscc}",
                "GET /organizations/{uscc}", "PUT /organizations/{uscc}/tier", "GET /organizations/{uscc}/tiers",
                "GET /organizations", "GET /organizations/{uscc}/notifications");
        assertThat(functions.stream().filter(FunctionUnderTest::isScheduled)).extracting(FunctionUnderTest::logicalId)
                .containsExactly("SendRemindersFunction", "NoticesFunction");
        assertThat(functions.stream().filter(FunctionUnderTest::isStreamTriggered))
                .extracting(FunctionUnderTest::logicalId)
                .containsExactlyInAnyOrder("CalculateSubsidyFunction", "NotifyApplicantsFunction", "ImportNoticesFunction",
                        "CultivationFunction");
    }
}
