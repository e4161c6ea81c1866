package io.aclens.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.SubscriptionRequest;
import io.aclens.contracts.api.SubscriptionView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionFormTest {

    @Test
    void listsAreSplitOnCommasAndLinesButFolderPrefixesOnLinesOnly() {
        SubscriptionForm form = new SubscriptionForm("management", " director@acme.example,\r\nchief@acme.example ; ", "", "en", " ", "WEEKLY",
                "", false, List.of("CHANGES", "FINDINGS"), "fs1:data", "D:\\Data\\Finance, Legal\n\nD:\\Data\\HR", "Finance, HR");

        SubscriptionRequest request = form.toRequest();

        assertThat(request.to()).containsExactly("director@acme.example", "chief@acme.example");
        assertThat(request.cc()).isEmpty();
        assertThat(request.pathPrefixes()).containsExactly("D:\\Data\\Finance, Legal", "D:\\Data\\HR");
        assertThat(request.departments()).containsExactly("Finance", "HR");
        assertThat(request.timeZone()).as("blank: the service's default").isNull();
        assertThat(request.cron()).isNull();
        assertThat(request.sendWhenUnchanged()).isFalse();
        assertThat(request.contents()).containsExactly("CHANGES", "FINDINGS");
    }

    @Test
    void everyPartTickedIsTheWholePackageAndAStoredSubscriptionFillsTheFormBack() {
        SubscriptionView stored = new SubscriptionView("acme", "management", List.of("a@acme.example", "b@acme.example"), List.of(), "ru",
                "Europe/Moscow", "MONTHLY", "0 0 8 1 * ?", true, List.of(), List.of("D:\\Data\\A", "D:\\Data\\B"), List.of(), List.of(),
                Instant.now(), Instant.now(), Instant.now());

        SubscriptionForm form = SubscriptionForm.of(stored);

        assertThat(form.to()).isEqualTo("a@acme.example, b@acme.example");
        assertThat(form.contents()).as("nothing chosen is everything").isEqualTo(SubscriptionForm.PARTS);
        SubscriptionRequest again = form.toRequest();
        assertThat(again.contents()).isEmpty();
        assertThat(again.pathPrefixes()).isEqualTo(stored.pathPrefixes());
        assertThat(again.to()).isEqualTo(stored.to());
        assertThat(again.cron()).as("the monthly default, left to the cadence").isNull();
    }

    @Test
    void aCronOfItsOwnIsKept() {
        SubscriptionView stored = new SubscriptionView("acme", "it", List.of("it@acme.example"), List.of(), "en", "UTC", "WEEKLY", "0 30 7 ? * FRI",
                false, List.of(), List.of(), List.of(), List.of("CHANGES"), Instant.now(), Instant.now(), Instant.now());

        assertThat(SubscriptionForm.of(stored).toRequest().cron()).isEqualTo("0 30 7 ? * FRI");
        assertThat(SubscriptionForm.of(stored).toRequest().contents()).containsExactly("CHANGES");
    }
}
