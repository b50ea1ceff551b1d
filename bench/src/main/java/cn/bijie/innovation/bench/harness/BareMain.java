package cn.bijie.innovation.bench.harness;

/** The floor of every figure: a JVM that starts, prints one line and exits. */
public final class BareMain {
    private BareMain() {}

    public static void main(String[] args) {
        System.out.println(Harness.MARKER + "{}");
    }
}
