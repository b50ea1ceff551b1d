package cn.bijie.innovation.local;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One-line log messages on stderr; stdout stays free for {@code --invoke} output. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {}

    /** stderr in UTF-8 whatever the locale, so Chinese messages and arrows survive a POSIX shell. */
    static void useUtf8Stderr() {
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    static void info(String format, Object... args) {
        System.err.println(LocalTime.now().format(TIME) + " " + String.format(format, args));
    }

    static void warn(String format, Object... args) {
        info("WARN " + format, args);
    }

    static void error(String message, Throwable error) {
        info("ERROR %s", message);
        error.printStackTrace(System.err);
    }
}
