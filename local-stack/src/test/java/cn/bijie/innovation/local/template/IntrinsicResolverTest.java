package cn.bijie.innovation.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class IntrinsicResolverTest {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              SenderEmail:
                Type: String
                Default: noreply@example.com
              PageTokenSecret:
                Type: String
                NoEcho: true
              Zones:
                Type: CommaDelimitedList
                Default: a,b,c
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
            Globals:
              Function:
                Timeout: 20
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Table
                    STAGE: !Ref Stage
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub '${AWS::StackName}-data'
              DocumentBucket:
                Type: AWS::S3::Bucket
              NamedBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Join ['-', [!Ref 'AWS::StackName', docs, !Ref Stage]]
              SenderIdentity:
                Type: AWS::SES::EmailIdentity
                Properties:
                  EmailIdentity: !Ref SenderEmail
              SendRemindersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/send-reminders
                  Handler: cn.example.Handler::handleRequest
                  Timeout: 60
                  Environment:
                    Variables:
                      BUCKET_NAME: !Ref DocumentBucket
                      BUCKET_ARN: !GetAtt DocumentBucket.Arn
                      TABLE_ARN: !GetAtt [Table, Arn]
                      SECRET: !Ref PageTokenSecret
                      REGION_URL: !Sub 'https://s3.${AWS::Region}.${AWS::URLSuffix}/${DocumentBucket}'
                      WITH_VARS: !Sub ['${Name}@${AWS::AccountId}', {Name: !Ref SenderEmail}]
                      LITERAL: !Sub '${!NotAVariable}'
                      SECOND_ZONE: !Select [1, !Ref Zones]
                      SPLIT: !Select [2, !Split [',', 'x,y,z']]
                      MODE: !If [IsProd, strict, relaxed]
                      NOT_PROD: !If [NotProd, 'yes', 'no']
                      GONE: !If [IsProd, enabled, !Ref 'AWS::NoValue']
                      ENCODED: !Base64 hi
                      PARTITION: !Sub 'arn:${AWS::Partition}:x'
            """;

    private final TemplateModel template = TemplateModel.parse(TEMPLATE);
    private final StackContext stack = new StackContext("bijie-local", "us-east-1", URI.create("http://127.0.0.1:4566"));

    private IntrinsicResolver resolver(Map<String, String> overrides) {
        return new IntrinsicResolver(template, stack, ParameterValues.resolve(template, overrides), IntrinsicResolver.NO_EMULATOR);
    }

    @Test
    void shortTags_becomeLongFormMaps() {
        Map<String, Object> env = template.functions().get(0).environmentVariables();

        assertThat(env.get("BUCKET_NAME")).isEqualTo(Map.of("Ref", "DocumentBucket"));
        assertThat(env.get("BUCKET_ARN")).isEqualTo(Map.of("Fn::GetAtt", List.of("DocumentBucket", "Arn")));
        assertThat(env.get("TABLE_ARN")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(env.get("SECOND_ZONE")).isEqualTo(Map.of("Fn::Select", List.of(1, Map.of("Ref", "Zones"))));
        assertThat(template.conditions().get("NotProd")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
    }

    @Test
    void functionEnvironment_mergesGlobals_andResolvesEveryIntrinsic() {
        FunctionSpec function = template.functions().get(0);
        Map<String, String> env = resolver(Map.of()).resolveStrings(function.environmentVariables());

        assertThat(function.timeoutSeconds()).isEqualTo(60);
        assertThat(env).containsEntry("TABLE_NAME", "bijie-local-data")
                .containsEntry("STAGE", "dev")
                .containsEntry("BUCKET_NAME", "bijie-local-documentbucket")
                .containsEntry("BUCKET_ARN", "arn:aws:s3:::bijie-local-documentbucket")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:000000000000:table/bijie-local-data")
                .containsEntry("REGION_URL", "https://s3.us-east-1.amazonaws.com/bijie-local-documentbucket")
                .containsEntry("WITH_VARS", "noreply@example.com@000000000000")
                .containsEntry("LITERAL", "${NotAVariable}")
                .containsEntry("SECOND_ZONE", "b")
                .containsEntry("SPLIT", "z")
                .containsEntry("MODE", "relaxed")
                .containsEntry("NOT_PROD", "yes")
                .containsEntry("ENCODED", "aGk=")
                .containsEntry("PARTITION", "arn:aws:x")
                .doesNotContainKey("GONE");
        assertThat(env.get("SECRET")).hasSize(48).matches("[A-Za-z0-9]{48}");
    }

    @Test
    void parameterOverrides_winOverDefaults_andConditionsFollowThem() {
        IntrinsicResolver resolver = resolver(Map.of("Stage", "prod", "PageTokenSecret", "s3cret"));
        Map<String, String> env = resolver.resolveStrings(template.functions().get(0).environmentVariables());

        assertThat(env).containsEntry("MODE", "strict").containsEntry("GONE", "enabled").containsEntry("SECRET", "s3cret");
        assertThat(resolver.physicalName("NamedBucket")).isEqualTo("bijie-local-docs-prod");
        assertThat(resolver.physicalName("SenderIdentity")).isEqualTo("noreply@example.com");
    }

    @Test
    void parameters_areRejected_whenNotAllowedOrUnknown() {
        assertThatThrownBy(() -> resolver(Map.of("Stage", "qa"))).hasMessageContaining("Stage=qa");
        assertThatThrownBy(() -> resolver(Map.of("Nope", "x"))).hasMessageContaining("Nope");
    }

    @Test
    void streamArn_needsTheEmulator() {
        assertThatThrownBy(() -> resolver(Map.of()).attribute("Table", "StreamArn")).hasMessageContaining("emulator");
        IntrinsicResolver withEmulator = new IntrinsicResolver(template, stack, ParameterValues.resolve(template, Map.of()),
                new IntrinsicResolver.EmulatorLookup() {
                    @Override
                    public String latestStreamArn(String tableName) {
                        return "arn:stream:" + tableName;
                    }

                    @Override
                    public String queueUrl(String queueName) {
                        return "http://q/" + queueName;
                    }
                });
        assertThat(withEmulator.resolve(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")))).isEqualTo("arn:stream:bijie-local-data");
    }

    @Test
    void unknownReferences_failWithTheirName() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Map.of("Ref", "Missing"))).hasMessageContaining("Missing");
    }

    @Test
    void yaml_readsOnOffYesNoAndDates_asStrings() {
        Map<String, Object> root = CloudFormationYaml.parse("""
                AWSTemplateFormatVersion: 2010-09-09
                Off: yes
                Flag: true
                Count: 3
                """);

        assertThat(root).containsEntry("AWSTemplateFormatVersion", "2010-09-09")
                .containsEntry("Off", "yes")
                .containsEntry("Flag", true)
                .containsEntry("Count", 3);
    }
}
