package io.aclens.report.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aclens.access.findings.Finding;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import io.aclens.report.client.DiffServiceClient;
import io.aclens.report.repository.AlertChannelRepository;
import io.aclens.report.repository.AlertRepository;
import io.aclens.report.repository.AlertRepository.NewAlert;
import io.aclens.report.repository.FindingSummaryRepository;
import io.aclens.report.service.ClientFindings;
import io.aclens.report.service.ClientStateLoader;
import io.aclens.report.service.ClientStates;
import io.aclens.support.rest.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Checks a client once a change set of it arrived (one check however many arrived meanwhile, claimed by one replica):
 * counts its findings into its summary (what lists of every client read), then, for a client with alert channels, new
 * high findings and the changes since the previous check that match the alert rules. The alerts are written once per
 * channel; {@link AlertSender} sends them.
 */
@ApplicationScoped
public class AlertEvaluator {
    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = EventCodec.mapper();

    private final AlertRepository alerts;
    private final AlertChannelRepository channels;
    private final ClientStates states;
    private final DiffServiceClient diffs;
    private final FindingSummaryRepository summaries;

    public AlertEvaluator(AlertRepository alerts, AlertChannelRepository channels, ClientStates states, @RestClient DiffServiceClient diffs,
                          FindingSummaryRepository summaries) {
        this.alerts = alerts;
        this.channels = channels;
        this.states = states;
        this.diffs = diffs;
        this.summaries = summaries;
    }

    @Scheduled(every = "${aclens.report.alert-poll}", identity = "alert-evaluator", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDue() {
        while (checkNext()) {
            // one client at a time, until none is waiting
        }
    }

    /** Checks the next client waiting; false when none was. */
    public boolean checkNext() {
        Optional<AlertRepository.Check> claimed = alerts.claimCheck(LEASE).await().atMost(DB_TIMEOUT);
        claimed.ifPresent(this::check);
        return claimed.isPresent();
    }

    private void check(AlertRepository.Check check) {
        String clientId = check.clientId();
        Instant through = Instant.now();
        try {
            Optional<List<Finding>> counted = countFindings(clientId, through);
            List<AlertChannelRepository.Channel> targets = channels.ofClient(clientId).await().atMost(DB_TIMEOUT);
            if (targets.isEmpty() || counted.isEmpty()) {
                alerts.checked(clientId, check.requestedAt(), through).await().atMost(DB_TIMEOUT);
                return;
            }
            List<Finding> findings = counted.get();
            Set<String> alerted = alerts.alertedFindings(clientId).await().atMost(DB_TIMEOUT);
            List<NewAlert> out = new ArrayList<>();
            List<Finding> fresh = AlertRules.newHighFindings(findings, alerted);
            fresh.forEach(finding -> out.add(findingAlert(clientId, finding)));

            Instant from = check.checkedThrough() != null ? check.checkedThrough()
                    : targets.stream().map(AlertChannelRepository.Channel::createdAt).min(Comparator.naturalOrder()).orElse(through);
            List<String> sensitive = targets.stream().flatMap(t -> t.sensitivePaths().stream()).distinct().toList();
            List<ChangeView> broad = AlertRules.broadGroupGains(diffs.changes(clientId, null, from.toString(), through.toString())
                    .await().atMost(DiffServiceClient.WAIT));
            List<EffectiveChangeView> gains = sensitive.isEmpty() ? List.of()
                    : AlertRules.sensitiveGains(diffs.effectiveChanges(clientId, from.toString(), through.toString(), null)
                    .await().atMost(DiffServiceClient.WAIT), sensitive);
            if (!broad.isEmpty() || !gains.isEmpty()) {
                out.add(changesAlert(clientId, through, broad, gains));
            }
            alerts.record(clientId, targets.stream().map(AlertChannelRepository.Channel::name).toList(), out,
                    fresh.stream().map(Finding::key).collect(Collectors.toSet()), findings.stream().map(Finding::key).collect(Collectors.toSet()))
                    .await().atMost(DB_TIMEOUT);
            alerts.checked(clientId, check.requestedAt(), through).await().atMost(DB_TIMEOUT);
            if (!out.isEmpty()) {
                LOG.infof("%d alert(s) for %s to %d channel(s)", out.size(), clientId, targets.size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Alert check of %s failed (%s); it is retried once its claim runs out", clientId, e.getMessage());
        }
    }

    /** Counts the client's findings into its summary; empty while none of its snapshots is diffed (a directory synced first). */
    private Optional<List<Finding>> countFindings(String clientId, Instant at) {
        ClientStateLoader.Loaded state;
        try {
            state = states.latestWithoutEvicting(clientId);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        List<Finding> findings = ClientFindings.of(state, at);
        summaries.record(clientId, findings, at).await().atMost(DB_TIMEOUT);
        return Optional.of(findings);
    }

    private static NewAlert findingAlert(String clientId, Finding finding) {
        ObjectNode body = JSON.createObjectNode().put("type", "finding").put("clientId", clientId).put("severity", finding.severity().name())
                .put("kind", finding.kind().name()).put("title", finding.kind().title("en")).put("titleRu", finding.kind().title("ru"))
                .put("sourceId", finding.sourceId()).put("subject", finding.subject()).put("folderCount", finding.folderCount())
                .put("findingKey", finding.key());
        ArrayNode folders = body.putArray("folders");
        finding.folders().stream().limit(20).forEach(folders::add);
        String subject = "[ACLens] " + clientId + ": " + finding.kind().title("en") + " — " + finding.subject();
        return new NewAlert("finding:" + finding.key(), subject, body.toString());
    }

    private static NewAlert changesAlert(String clientId, Instant through, List<ChangeView> broad, List<EffectiveChangeView> gains) {
        ObjectNode body = JSON.createObjectNode().put("type", "access-gained").put("clientId", clientId).put("detectedThrough", through.toString());
        ArrayNode everyone = body.putArray("everyoneStyleGains");
        broad.forEach(c -> everyone.addObject().put("path", c.path()).put("group", c.principalName()).put("before", String.valueOf(c.before()))
                .put("after", String.valueOf(c.after())).put("sourceId", c.sourceId()));
        ArrayNode sensitive = body.putArray("sensitiveFolderGains");
        gains.forEach(c -> sensitive.addObject().put("path", c.path()).put("login", c.login()).put("fullName", c.fullName())
                .put("before", String.valueOf(c.before())).put("after", String.valueOf(c.after())).put("cause", c.cause().name())
                .put("detail", c.detail()));
        String subject = "[ACLens] " + clientId + ": access gained — " + (broad.size() + gains.size()) + " change(s) to look at";
        return new NewAlert("changes:" + through, subject, body.toString());
    }
}
