package cn.bijie.innovation.local.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One-line log messages on stderr; stdout stays free for {@code --invoke} output. */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {}

    /** stderr in UTF-8 whatever the locale, so Chinese messages and arrows survive a POSIX shell. */
    public static void useUtf8Stderr() {
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    public static void info(String format, Object... args) {
        System.err.println(LocalTime.now().format(TIME) + " " + String.format(format, args));
    }

    public static void warn(String format, Object... args) {
        info("WARN " + format, args);
    }

    public static void error(String message, Throwable error) {
        info("ERROR %s", message);
        error.printStackTrace(System.err);
    }
}
