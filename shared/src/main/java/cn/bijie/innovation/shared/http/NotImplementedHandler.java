package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** The stand-in of a function whose issue has not landed: an honest 501, never a fake success. */
public abstract class NotImplementedHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
        ApiResponse response = ApiResponse.error(501, "NOT_IMPLEMENTED",
                "此功能尚未实现 (not implemented yet): " + getClass().getSimpleName(), List.of());
        Json.MAPPER.writeValue(out, Map.of("statusCode", response.statusCode(), "headers", response.headers(),
                "body", response.body(), "isBase64Encoded", false));
    }
}
