package io.aclens.report.delivery;

import io.aclens.contracts.api.DeliveryView;
import io.aclens.report.repository.SubscriptionRepository.Subscription;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The package as a mail: subject and bodies (HTML and plain text) in the recipient's language, the workbook attached —
 * or, when it is too large to attach, a download link in the bodies.
 */
@ApplicationScoped
public class PackageMail {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Map<String, String> SUBJECT = Map.of("ru", "Права доступа к папкам: %s, %s", "en", "Folder access: %s, %s");

    private final Engine templates;

    public PackageMail(Engine templates) {
        this.templates = templates;
    }

    /** @param link where to download the workbook instead of an attachment, or {@code null} to attach it */
    public Mail compose(Subscription subscription, DeliveryView delivery, PackageSummary summary, Instant changesFrom, Instant changesTo,
                        byte[] workbook, DownloadLinks.Issued link) {
        ZoneId zone = ZoneId.of(subscription.timeZone());
        String language = subscription.language();
        boolean runNow = delivery.period().startsWith(DeliveryPlanner.RUN_NOW_PREFIX);
        String period = runNow ? WHEN.format(changesFrom.atZone(zone)) + " – " + WHEN.format(changesTo.atZone(zone)) : delivery.period();
        String fileName = "aclens-" + summary.clientId() + "-" + (runNow ? DAY.format(changesTo.atZone(zone)) : delivery.period()) + ".xlsx";
        Map<String, Object> data = Map.of("s", summary, "period", period, "changesFrom", WHEN.format(changesFrom.atZone(zone)),
                "changesTo", WHEN.format(changesTo.atZone(zone)), "link", link == null ? "" : link.url(),
                "linkExpires", link == null ? "" : WHEN.format(link.expiresAt().atZone(zone)));
        Mail mail = new Mail().setSubject(SUBJECT.get(language).formatted(summary.clientId(), period))
                .setText(render("mail/package-" + language + ".txt", data)).setHtml(render("mail/package-" + language + ".html", data))
                .setTo(subscription.to()).setCc(subscription.cc());
        if (link == null) {
            mail.addAttachment(fileName, workbook, XLSX);
        }
        mail.addHeader("Message-ID", delivery.messageId());
        return mail;
    }

    private String render(String template, Map<String, Object> data) {
        var instance = templates.getTemplate(template).instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
