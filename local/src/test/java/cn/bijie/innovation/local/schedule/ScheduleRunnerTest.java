package cn.bijie.innovation.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ScheduleRunnerTest {
    private static final StackContext STACK = new StackContext("bijie-local", "us-east-1", URI.create("http://127.0.0.1:4566"));
    private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z");

    private static List<ScheduleRunner.Entry> entries(String events) {
        TemplateModel template = TemplateModel.parse("""
                Resources:
                  SendRemindersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/send-reminders
                      Handler: a.B::handleRequest
                      Events:
                %s
                """.formatted(events.indent(8)));
        IntrinsicResolver resolver = new IntrinsicResolver(template, STACK, Map.of(), IntrinsicResolver.NO_EMULATOR);
        return ScheduleRunner.fromFunctions(template.functions(), resolver, STACK, NOW);
    }

    @Test
    void scheduleV2_inShanghai_firesAtNineLocal_withSchedulerContextInTheInput() {
        List<ScheduleRunner.Entry> entries = entries("""
                DailyReminders:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 9 * * ? *)
                    ScheduleExpressionTimezone: Asia/Shanghai
                    Name: !Sub ${AWS::StackName}-daily-reminders
                    Input: '{"time":"<aws.scheduler.scheduled-time>"}'
                """);

        assertThat(entries).hasSize(1);
        ScheduleRunner.Entry entry = entries.get(0);
        Instant fire = entry.schedule().nextAfter(NOW);
        assertThat(fire).isEqualTo("2026-12-01T01:00:00Z");
        assertThat(entry.resourceArn()).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/bijie-local-daily-reminders");
        assertThat(ScheduleRunner.withContextAttributes(entry, fire)).isEqualTo("{\"time\":\"2026-12-01T01:00:00Z\"}");
    }

    @Test
    void unsupportedAndDisabledSchedules_areLeftOut() {
        List<ScheduleRunner.Entry> entries = entries("""
                Weekdays:
                  Type: Schedule
                  Properties: {Schedule: "cron(0 9 ? * MON-FRI *)"}
                Off:
                  Type: Schedule
                  Properties: {Schedule: rate(1 hour), Enabled: false}
                Hourly:
                  Type: Schedule
                  Properties: {Schedule: rate(1 hour)}
                """);

        assertThat(entries).extracting(ScheduleRunner.Entry::eventName).containsExactly("Hourly");
        assertThat(entries.get(0).resourceArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/bijie-local-SendRemindersFunctionHourly");
        assertThat(entries.get(0).input()).isNull();
    }

    @Test
    void scheduledEvent_hasEventBridgeShape() {
        var event = ScheduledEvents.event(Instant.parse("2026-12-01T01:00:00.123Z"), "us-east-1", List.of("arn:r"));

        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("time").asText()).isEqualTo("2026-12-01T01:00:00Z");
        assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:r");
        assertThat(event.path("detail").isObject()).isTrue();
        assertThat(event.path("version").asText()).isEqualTo("0");
    }
}
