package cn.bijie.innovation.local.template;

import java.net.URI;

/** Where the local stack lives: its name, region, the emulator endpoint. The account id is the emulators' usual one. */
public record StackContext(String stackName, String region, URI endpoint) {
    public static final String ACCOUNT_ID = "000000000000";

    public String accountId() {
        return ACCOUNT_ID;
    }
}
