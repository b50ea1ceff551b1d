package cn.bijie.innovation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every packaged deployment jar still runs its SDK clients the way they run on AWS (no endpoint override), up to the
 * signed request, although the shade configuration leaves out the SDK's region and service metadata. The tests of the
 * functions cannot show it: they always point the clients at the emulator.
 */
class DeploymentJarsIT {
    static final String CHECK = "cn.bijie.innovation.bench.probe.AwsPathCheck$";

    static List<FunctionUnderTest> functions() throws Exception {
        return TemplateFunctions.read(TemplateFunctionsTest.root());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyServiceClientInTheJar_reachesTheWire_onTheAwsEndpointPath(FunctionUnderTest function) throws Exception {
        assumeThat(Files.isRegularFile(function.jar())).as("%s is built (mvn package)", function.jar()).isTrue();
        Path probe = TemplateFunctionsTest.root().resolve("bench/target/bench-probe.jar");
        try (ZipFile jar = new ZipFile(function.jar().toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {function.jar().toUri().toURL(),
                        probe.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertThat(run(loader, "DynamoDb")).contains("dynamodb.cn-northwest-1.amazonaws.com.cn");
            if (jar.getEntry("software/amazon/awssdk/services/s3/S3Client.class") != null) {
                assertThat(run(loader, "S3")).contains("s3.cn-northwest-1.amazonaws.com.cn/b/k?")
                        .contains("X-Amz-Signature=");
            }
            if (jar.getEntry("software/amazon/awssdk/services/sesv2/SesV2Client.class") != null) {
                assertThat(run(loader, "SesV2")).contains("email.cn-northwest-1.amazonaws.com.cn");
            }
        }
    }

    static String run(ClassLoader loader, String service) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (String) Class.forName(CHECK + service, true, loader).getMethod("check").invoke(null);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
