package cn.bijie.innovation.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, as far as the local runner fires them: {@code cron(m h * * ? *)} with numbers,
 * lists, ranges and steps in the minute and hour fields (the other fields must be {@code *} or {@code ?}), and
 * {@code rate(n unit)}. Anything else is {@link Unsupported} and the runner logs and skips it.
 */
abstract class ScheduleExpression {
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** The first fire time strictly after {@code instant}. */
    abstract Instant nextAfter(Instant instant);

    /** @param anchor when a rate() schedule starts counting (the runner's start) */
    static ScheduleExpression parse(String expression, ZoneId zone, Instant anchor) throws Unsupported {
        String text = expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            Duration period = unit.startsWith("minute") ? Duration.ofMinutes(amount)
                    : unit.startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount);
            if (period.isZero()) {
                throw new Unsupported(expression + ": a rate must be positive");
            }
            return new Rate(anchor, period);
        }
        Matcher cron = CRON.matcher(text);
        if (!cron.matches()) {
            throw new Unsupported(expression + ": neither cron(…) nor rate(…)");
        }
        String[] fields = cron.group(1).trim().split("\\s+");
        if (fields.length != 6) {
            throw new Unsupported(expression + ": cron needs 6 fields (minutes hours day-of-month month day-of-week year)");
        }
        for (int i = 2; i < 6; i++) {
            if (!fields[i].equals("*") && !fields[i].equals("?")) {
                throw new Unsupported(expression + ": only '*' or '?' is supported locally in field " + (i + 1));
            }
        }
        return new Cron(field(fields[0], 59, expression), field(fields[1], 23, expression), zone);
    }

    // a minute or hour field: *, n, a-b, a,b, */n, a/n, a-b/n
    private static BitSet field(String field, int max, String expression) throws Unsupported {
        BitSet allowed = new BitSet(max + 1);
        for (String part : field.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            try {
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = Integer.parseInt(part.substring(slash + 1));
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = 0;
                    to = max;
                } else if (range.contains("-")) {
                    from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    from = Integer.parseInt(range);
                    to = slash >= 0 ? max : from;
                }
                if (from < 0 || to > max || from > to || step < 1) {
                    throw new Unsupported(expression + ": '" + part + "' is out of range 0-" + max);
                }
                for (int v = from; v <= to; v += step) {
                    allowed.set(v);
                }
            } catch (NumberFormatException e) {
                throw new Unsupported(expression + ": '" + part.toUpperCase(Locale.ROOT) + "' is not supported locally");
            }
        }
        return allowed;
    }

    private static final class Cron extends ScheduleExpression {
        private final BitSet minutes;
        private final BitSet hours;
        private final ZoneId zone;

        Cron(BitSet minutes, BitSet hours, ZoneId zone) {
            this.minutes = minutes;
            this.hours = hours;
            this.zone = zone;
        }

        @Override
        Instant nextAfter(Instant instant) {
            ZonedDateTime candidate = instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            // two days of minutes always reach a matching hour and minute, also across a DST change
            for (int i = 0; i < 2 * 24 * 60 + 120; i++) {
                if (minutes.get(candidate.getMinute()) && hours.get(candidate.getHour())) {
                    return candidate.toInstant();
                }
                candidate = candidate.plusMinutes(1);
            }
            throw new IllegalStateException("no fire time found"); // unreachable with non-empty fields
        }
    }

    private static final class Rate extends ScheduleExpression {
        private final Instant anchor;
        private final Duration period;

        Rate(Instant anchor, Duration period) {
            this.anchor = anchor;
            this.period = period;
        }

        @Override
        Instant nextAfter(Instant instant) {
            if (instant.isBefore(anchor)) {
                return anchor.plus(period);
            }
            long periods = Duration.between(anchor, instant).toMillis() / period.toMillis() + 1;
            return anchor.plus(period.multipliedBy(periods));
        }
    }
}
