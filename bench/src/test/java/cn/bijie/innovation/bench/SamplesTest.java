package cn.bijie.innovation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final FunctionUnderTest ORGANIZATIONS = new FunctionUnderTest("OrganizationsFunction", "organizations",
            "x.OrganizationsHandler", Path.of("organizations.jar"),
            List.of("PUT /organizations/{uscc}", "GET /organizations/{uscc}"), Set.of("HttpApi"));
    static final FunctionUnderTest REMINDERS = new FunctionUnderTest("SendRemindersFunction", "send-reminders",
            "x.SendRemindersHandler", Path.of("send-reminders.jar"), List.of(), Set.of("ScheduleV2"));

    static Samples.Sample http(String file, String routeKey) throws Exception {
        return Samples.classify(Path.of(file), JSON.readTree(
                "{\"routeKey\":\"" + routeKey + "\",\"requestContext\":{}}"));
    }

    @Test
    void anHttpSample_belongsToTheFunctionThatServesItsRoute_whateverItsFileName() throws Exception {
        Samples samples = new Samples(List.of(http("a.json", "GET /organizations/{uscc}"),
                http("b.json", "GET /applications")), Map.of());

        assertThat(samples.of(ORGANIZATIONS)).extracting(Samples.Sample::name).containsExactly("a.json");
    }

    @Test
    void samples_putWritesFirst_soTheReadsFindWhatTheyRead() throws Exception {
        Samples samples = new Samples(List.of(http("a-get.json", "GET /organizations/{uscc}"),
                http("z-put.json", "PUT /organizations/{uscc}")), Map.of());

        assertThat(samples.of(ORGANIZATIONS)).extracting(Samples.Sample::name).containsExactly("z-put.json", "a-get.json");
    }

    @Test
    void theColdSample_isARead_unlessOneIsNamed() throws Exception {
        Samples discovered = new Samples(List.of(http("a-put.json", "PUT /organizations/{uscc}"),
                http("b-get.json", "GET /organizations/{uscc}")), Map.of());
        Samples named = new Samples(List.of(http("a-put.json", "PUT /organizations/{uscc}"),
                http("b-get.json", "GET /organizations/{uscc}")), Map.of("OrganizationsFunction", Path.of("a-put.json")));

        assertThat(discovered.coldSample(ORGANIZATIONS).name()).isEqualTo("b-get.json");
        assertThat(named.coldSample(ORGANIZATIONS).name()).isEqualTo("a-put.json");
    }

    @Test
    void aScheduledEvent_belongsToScheduledFunctions_andAFunctionWithoutSamplesHasNone() throws Exception {
        Samples.Sample scheduled = Samples.classify(Path.of("daily.json"),
                JSON.readTree("{\"detail-type\":\"Scheduled Event\",\"time\":\"2026-12-01T01:00:00Z\"}"));
        Samples samples = new Samples(List.of(scheduled), Map.of());

        assertThat(scheduled.kind()).isEqualTo(Samples.Kind.SCHEDULE);
        assertThat(samples.coldSample(REMINDERS).name()).isEqualTo("daily.json");
        assertThat(samples.coldSample(ORGANIZATIONS)).isNull();
    }
}
