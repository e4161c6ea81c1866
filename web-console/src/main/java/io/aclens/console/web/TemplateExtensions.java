package io.aclens.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What templates call on values: {@code {path.url}} in links, {@code {when:shown(instant)}} as people read a time (UTC). */
@TemplateExtension
public class TemplateExtensions {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static String url(String value) {
        return Urls.encode(value);
    }

    static long whole(double value) {
        return Math.round(value);
    }

    /** A time as people read it, UTC; "—" for none. A namespace function, so a missing time (null) is shown rather than refused. */
    @TemplateExtension(namespace = "when")
    static String shown(Instant instant) {
        return instant == null ? "—" : SHOWN.format(instant);
    }
}
