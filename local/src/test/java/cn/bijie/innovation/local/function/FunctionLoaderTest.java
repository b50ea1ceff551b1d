package cn.bijie.innovation.local.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FunctionLoaderTest {
    private static final String[] RUNNER_LIBRARIES = {"cn.bijie.innovation.shared.http.ApiEvent",
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient", "com.fasterxml.jackson.databind.ObjectMapper"};

    @Test
    void aFunctionsLoader_seesNoneOfTheRunnersLibraries(@TempDir Path empty) throws Exception {
        for (String name : RUNNER_LIBRARIES) { // the runner itself has them
            assertThat(Class.forName(name, false, FunctionLoaderTest.class.getClassLoader())).isNotNull();
        }

        try (URLClassLoader loader = FunctionLoader.isolated("F", empty.resolve("function.jar"))) {
            assertThat(loader.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
            for (String name : RUNNER_LIBRARIES) {
                assertThatThrownBy(() -> Class.forName(name, false, loader)).isInstanceOf(ClassNotFoundException.class);
            }
        }
    }
}
