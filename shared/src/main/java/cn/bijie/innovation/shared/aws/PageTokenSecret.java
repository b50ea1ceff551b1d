package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.config.Config;
import java.util.function.Supplier;

/**
 * The page-token secret, read from Secrets Manager by {@code PAGE_TOKEN_SECRET_ARN} on the first request that needs
 * it and kept for the life of the execution environment. Never read in a constructor, so with SnapStart it is fetched
 * after the restore and never in a snapshot (priming issues and opens no token); never logged, never in the
 * function's configuration.
 */
public final class PageTokenSecret implements Supplier<String> {
    private final AwsClients clients;
    private final String secretArn;
    private volatile String secret;

    private PageTokenSecret(AwsClients clients, String secretArn) {
        this.clients = clients;
        this.secretArn = secretArn;
    }

    /** The secret {@code config}'s {@code PAGE_TOKEN_SECRET_ARN} names (the variable must be set; it is read later). */
    public static PageTokenSecret of(Config config) {
        return new PageTokenSecret(new AwsClients(config), config.require("PAGE_TOKEN_SECRET_ARN"));
    }

    @Override
    public String get() {
        String value = secret;
        if (value == null) {
            synchronized (this) {
                if (secret == null) {
                    // one call per execution environment: the client is not kept once the value is
                    try (var secrets = clients.secretsManager()) {
                        secret = secrets.getSecretValue(r -> r.secretId(secretArn)).secretString();
                    }
                }
                value = secret;
            }
        }
        return value;
    }
}
