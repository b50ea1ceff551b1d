package cn.bijie.innovation.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class RouteTableTest {
    private final RouteTable routes = new RouteTable(List.of(
            new RouteTable.Route("PUT", "/organizations/{uscc}", "OrganizationsFunction", true),
            new RouteTable.Route("GET", "/organizations/{uscc}", "OrganizationsFunction", true),
            new RouteTable.Route("GET", "/applications/{applicationId}/documents/{documentId}", "DocumentsFunction", true),
            new RouteTable.Route("GET", "/applications/mine", "MineFunction", true),
            new RouteTable.Route("GET", "/applications/{applicationId}", "ApplicationsFunction", true),
            new RouteTable.Route("ANY", "/policy", "PolicyAny", false),
            new RouteTable.Route("GET", "/policy", "PolicyGet", false),
            new RouteTable.Route("GET", "/files/{proxy+}", "FilesFunction", false)));

    @Test
    void match_bindsPathParameters_urlDecoded() {
        RouteTable.Match match = routes.match("GET", "/applications/a%2Fb%20c/documents/d+1").orElseThrow();

        assertThat(match.route().logicalId()).isEqualTo("DocumentsFunction");
        assertThat(match.route().routeKey()).isEqualTo("GET /applications/{applicationId}/documents/{documentId}");
        assertThat(match.pathParameters()).isEqualTo(Map.of("applicationId", "a/b c", "documentId", "d+1"));
    }

    @Test
    void match_decodesUtf8() {
        assertThat(routes.match("PUT", "/organizations/%E6%AF%95%E8%8A%82").orElseThrow().pathParameters())
                .containsEntry("uscc", "毕节");
    }

    @Test
    void match_prefersLiteralSegments_andSpecificMethods() {
        assertThat(routes.match("GET", "/applications/mine").orElseThrow().route().logicalId()).isEqualTo("MineFunction");
        assertThat(routes.match("GET", "/applications/other").orElseThrow().route().logicalId()).isEqualTo("ApplicationsFunction");
        assertThat(routes.match("GET", "/policy").orElseThrow().route().logicalId()).isEqualTo("PolicyGet");
        assertThat(routes.match("DELETE", "/policy").orElseThrow().route().routeKey()).isEqualTo("ANY /policy");
    }

    @Test
    void match_greedyParameter_takesTheRest() {
        assertThat(routes.match("GET", "/files/a/b%20c").orElseThrow().pathParameters()).containsEntry("proxy", "a/b c");
        assertThat(routes.match("GET", "/files")).isEmpty();
    }

    @Test
    void match_isEmpty_whenMethodOrPathDiffers() {
        assertThat(routes.match("DELETE", "/organizations/x")).isEmpty();
        assertThat(routes.match("GET", "/organizations")).isEmpty();
        assertThat(routes.match("GET", "/organizations/x/y")).isEmpty();
        assertThat(routes.match("GET", "/nothing")).isEmpty();
    }

    @Test
    void fromFunctions_readsHttpApiEvents_andAuthNoneIsPublic() {
        TemplateModel template = TemplateModel.parse("""
                Resources:
                  IndicatorsFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      CodeUri: functions/indicators
                      Events:
                        Get:
                          Type: HttpApi
                          Properties: {Path: /indicators, Method: get, ApiId: !Ref HttpApi, Auth: {Authorizer: NONE}}
                        Export:
                          Type: HttpApi
                          Properties: {Path: /indicators/export, Method: GET, ApiId: !Ref HttpApi}
                  HttpApi:
                    Type: AWS::Serverless::HttpApi
                """);
        IntrinsicResolver resolver = new IntrinsicResolver(template, new StackContext("s", "us-east-1",
                java.net.URI.create("http://x")), Map.of(), IntrinsicResolver.NO_EMULATOR);

        List<RouteTable.Route> found = RouteTable.fromFunctions(template.functions(), resolver).routes();

        assertThat(found).containsExactly(
                new RouteTable.Route("GET", "/indicators", "IndicatorsFunction", false),
                new RouteTable.Route("GET", "/indicators/export", "IndicatorsFunction", true));
    }
}
