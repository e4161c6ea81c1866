package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.aclens.access.Level;
import io.aclens.auth.Roles;
import io.aclens.cli.demo.Demo;
import io.aclens.cli.stack.ConsoleClient;
import io.aclens.cli.stack.PipelineClient;
import io.aclens.cli.stack.Stack;
import io.aclens.cli.stack.StackConfig;
import io.aclens.contracts.api.CellAccessView;
import io.aclens.contracts.api.ConsoleInvitationRequest;
import io.aclens.contracts.api.ConsoleInvitationView;
import io.aclens.contracts.api.ScanView;
import io.aclens.contracts.api.SnapshotView;
import io.aclens.testing.DebianChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser (Debian's chromium, driven by Playwright) on the whole pipeline as the demo runs it,
 * with a second client beside the demo's: an MSP administrator signs in, sees both clients and the operations page and
 * invites the demo client's manager; the manager sees only their client — also when typing the other's addresses — opens
 * the matrix, expands folders, clicks a cell and reads why, and switches language. The administrator also adds, sends and
 * removes a subscription on the deliveries page. Screenshots of the main pages are kept
 * in target/console-screenshots.
 */
class ConsoleBrowserTest {
    private static final String CLIENT = "e2e-console";
    private static final String OTHER = "globex";
    private static final String ADMIN = "olga@msp.test";
    private static final String ADMIN_PASSWORD = "a long admin passphrase";
    private static final String MANAGER = "director@e2e-console.test";
    private static final String MANAGER_PASSWORD = "директор пароль 2026";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aClientManagerSeesOnlyTheirClientAndReadsWhyInTheMatrix(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            new Demo(new PrintStream(log, true, StandardCharsets.UTF_8)).run(new Demo.Options(null, dir.resolve("out"), CLIENT, null,
                    StackConfig.of(Aclens.home(), data, true), false, stack -> browse(stack, data.resolve("sample/share").toAbsolutePath().toString()), null));
        } finally {
            System.out.println(log.toString(StandardCharsets.UTF_8));
        }
    }

    private static void browse(Stack stack, String root) {
        whatPetrovCouldReachBeforeTheSecondScan(stack, root);
        addOtherClient(stack);
        String console = stack.consoleUrl();
        ConsoleInvitationView adminInvitation = new ConsoleClient(console).invite(stack.tokens().operatorToken(),
                new ConsoleInvitationRequest(ADMIN, "Olga Operator", Roles.MSP_ADMIN, List.of(), "en"));
        try (DebianChromium chromium = DebianChromium.launch()) {
            String managerLink = asAdministrator(chromium.browser().newContext(), console, adminInvitation, stack);
            asClientManager(chromium.browser().newContext(), console, managerLink, root);
        }
    }

    /** Sees every client and the operations page, and invites the demo client's manager from the accounts page. */
    private static String asAdministrator(BrowserContext context, String console, ConsoleInvitationView invitation, Stack stack) {
        Page page = context.newPage();
        page.navigate(invitation.link());
        page.fill("#password", ADMIN_PASSWORD);
        page.click("#set-password");
        signIn(page, ADMIN, ADMIN_PASSWORD);
        assertThat(page.locator("#clients tr[data-client]").evaluateAll("rows => rows.map(r => r.dataset.client)"))
                .as("an MSP administrator sees every client").isEqualTo(List.of(CLIENT, OTHER));
        screenshot(page, "clients-msp");
        page.click("a[href='/operations']");
        assertThat(page.locator("#lag").textContent()).contains("aclens-report", "aclens-snapshot");
        screenshot(page, "operations");
        managesDeliveries(page, console, stack);

        page.navigate(console + "/accounts");
        page.fill("#email", MANAGER);
        page.fill("#displayName", "Мария Директорова");
        page.selectOption("#role", Roles.CLIENT_VIEWER);
        page.fill("#clients-field", CLIENT);
        page.selectOption("#language-field", "ru");
        page.click("#invite");
        String link = page.locator("#invitation-link").textContent().strip();
        assertThat(link).startsWith(console + "/invite/");
        page.click("#sign-out");
        assertThat(page.url()).contains("/sign-in");
        context.close();
        return link;
    }

    /**
     * Adds a weekly subscription for the client's IT (after the API refused a wrong address, the form comes back filled in
     * with the reason), sends its package now — the demo's SMTP server receives it — sends it again, and removes it.
     */
    private static void managesDeliveries(Page page, String console, Stack stack) {
        page.navigate(console + "/clients/" + CLIENT + "/deliveries");
        page.click("tr[data-subscription='management'] a.edit");
        assertThat(page.inputValue("#subscription-name")).as("the demo's subscription fills the form").isEqualTo("management");
        assertThat(page.inputValue("#subscription-to")).isEqualTo("director@" + CLIENT + ".example");

        page.fill("#subscription-name", "it-weekly");
        page.fill("#subscription-to", "it@" + CLIENT + ".test, not an address");
        page.selectOption("#subscription-language", "en");
        page.selectOption("#subscription-cadence", "WEEKLY");
        page.uncheck("input[name=contents][value=MATRIX_BY_GROUP]");
        page.click("#save-subscription");
        assertThat(page.locator("#problem").textContent()).contains("'not an address' is not an e-mail address");
        assertThat(page.inputValue("#subscription-to")).as("a refused form keeps what was typed").contains("not an address");
        assertThat(page.isChecked("input[name=contents][value=MATRIX_BY_GROUP]")).isFalse();

        page.fill("#subscription-to", "it@" + CLIENT + ".test");
        page.click("#save-subscription");
        assertThat(page.locator("#outcome").textContent()).contains("it-weekly");
        assertThat(page.locator("tr[data-subscription='it-weekly']").textContent()).contains("it@" + CLIENT + ".test", "WEEKLY", "en");
        String next = page.locator("tr[data-subscription='it-weekly'] td.next").textContent().strip();
        assertThat(java.time.LocalDate.parse(next.substring(0, 10)).getDayOfWeek()).as("weekly, edited from a monthly one: Monday, not the 1st")
                .isEqualTo(java.time.DayOfWeek.MONDAY);

        page.click("tr[data-subscription='it-weekly'] button.run");
        assertThat(page.locator("#outcome").textContent()).contains("it-weekly");
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.reload();
            assertThat(page.locator("#deliveries tr:has(td:text-is('it-weekly')) td.state").allTextContents()).contains("SENT");
        });
        assertThat(receivedBy(stack, "it@" + CLIENT + ".test")).as("the package reached the SMTP server").isEqualTo(1);
        screenshot(page, "deliveries");

        page.click("#deliveries tr:has(td:text-is('it-weekly')) button.resend");
        assertThat(page.locator("#outcome").isVisible()).isTrue();
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(receivedBy(stack, "it@" + CLIENT + ".test")).isEqualTo(2));

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("it-weekly");
            dialog.accept();
        });
        page.click("tr[data-subscription='it-weekly'] button.delete");
        assertThat(page.locator("tr[data-subscription='it-weekly']").count()).isZero();
        assertThat(page.locator("tr[data-subscription='management']").count()).isOne();
    }

    private static long receivedBy(Stack stack, String address) {
        return stack.smtp().received().stream().filter(message -> {
            try {
                return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static void asClientManager(BrowserContext context, String console, String invitationLink, String root) {
        Page page = context.newPage();
        page.navigate(invitationLink);
        page.fill("#password", MANAGER_PASSWORD);
        page.click("#set-password");
        signIn(page, MANAGER, MANAGER_PASSWORD);
        assertThat(page.locator("h1").textContent()).isEqualTo("Клиенты");
        assertThat(page.locator("#clients tr[data-client]").evaluateAll("rows => rows.map(r => r.dataset.client)"))
                .as("a client viewer sees their client only").isEqualTo(List.of(CLIENT));
        screenshot(page, "clients-viewer");

        for (String elsewhere : List.of("/clients/" + OTHER, "/clients/" + OTHER + "/matrix",
                "/clients/" + OTHER + "/matrix/cell?user=ivanova&path=D%3A%5CData", "/operations", "/accounts")) {
            Response answer = page.navigate(console + elsewhere);
            assertThat(answer.status()).as(elsewhere).isEqualTo(404);
            assertThat(page.locator("#error").textContent()).as(elsewhere).isEqualTo("Не найдено или недоступно вам.");
        }

        page.navigate(console + "/clients/" + CLIENT);
        assertThat(page.locator("#changes tbody tr").count()).as("the run's effective changes").isGreaterThan(1);
        screenshot(page, "client");
        page.click("#open-matrix");
        page.click(row(root) + " button.open");
        page.click(row(root + "/Бухгалтерия") + " button.open");
        page.click(row(root + "/Бухгалтерия/Зарплата 2026") + " button[aria-label^='ivanova:']");
        page.waitForSelector("#why .reasons");
        assertThat(page.locator("#why").textContent()).contains("Зарплата 2026", "через ivanova (указан напрямую)");
        screenshot(page, "matrix-cell");

        page.click("#language");
        assertThat(page.locator("h1").textContent()).startsWith("Access matrix");
        page.click(row(root) + " button.open");
        page.click(row(root + "/Бухгалтерия") + " button.open");
        page.click(row(root + "/Бухгалтерия/Зарплата 2026") + " button[aria-label^='ivanova:']");
        page.waitForSelector("#why .reasons");
        assertThat(page.locator("#why").textContent()).contains("via ivanova (named directly)");

        // "who can change the payroll folder, and why?"
        page.click(row(root + "/Бухгалтерия/Зарплата 2026") + " td.folder a");
        assertThat(page.locator("#folder-path").textContent()).isEqualTo(root + "/Бухгалтерия/Зарплата 2026");
        assertThat(page.locator("#folder-people tr[data-login='ivanova']").textContent()).contains("Modify", "via ivanova (named directly)");
        assertThat(page.locator("#folder-acl").textContent()).contains("ivanova", "accounting");
        screenshot(page, "folder");
        // "what changed?"
        page.navigate(console + "/clients/" + CLIENT);
        page.click("#open-changes");
        assertThat(page.locator("#changes tbody tr").count()).isGreaterThan(1);
        assertThat(page.locator("#changes").textContent()).contains("Мария Козлова", "ACCOUNT");
        screenshot(page, "changes");

        page.click("#sign-out");
        page.navigate(console + "/clients/" + CLIENT);
        assertThat(page.url()).as("signed out, the pages ask to sign in again").contains("/sign-in");
        context.close();
    }

    private static void signIn(Page page, String email, String password) {
        assertThat(page.url()).contains("/sign-in");
        page.fill("#j_username", email);
        page.fill("#j_password", password);
        page.click("#sign-in");
        page.waitForURL("**/clients");
    }

    private static String row(String path) {
        return "tr[data-path=\"" + path + "\"]";
    }

    /**
     * Access at an earlier moment, through the real snapshot service: after the demo's first scan petrov (sales) could not
     * open Бухгалтерия; the second scan let sales read it, and then he joined accounting.
     */
    private static void whatPetrovCouldReachBeforeTheSecondScan(Stack stack, String root) {
        PipelineClient pipeline = new PipelineClient(stack);
        SnapshotView[] snapshots = pipeline.snapshots(CLIENT, "demo:sample-share");
        Instant afterFirstScan = snapshots[snapshots.length - 1].committedAt().plusMillis(1);
        assertThat(pipeline.personAccess(CLIENT, "petrov", "READ", afterFirstScan).items()).extracting(CellAccessView::path)
                .doesNotContain(root + "/Бухгалтерия").contains(root + "/Sales");
        assertThat(pipeline.personAccess(CLIENT, "petrov", "READ").items()).filteredOn(cell -> cell.path().equals(root + "/Бухгалтерия"))
                .singleElement().satisfies(cell -> assertThat(cell.level()).isEqualTo(Level.MODIFY));
    }

    /** Another client with folders of its own, which the demo client's manager must never reach. */
    private static void addOtherClient(Stack stack) {
        assertThat(TenancyEndToEndTest.registerAgentSource(stack, OTHER, "fs1:data").exitCode()).isZero();
        PipelineClient pipeline = new PipelineClient(stack);
        String agent = stack.tokens().issue(OTHER + "-agent", Roles.AGENT, List.of(OTHER), Duration.ofHours(1));
        byte[] export = "{\"path\":\"D:\\\\Data\",\"sddl\":\"O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;WD)\"}\n".getBytes(StandardCharsets.UTF_8);
        ScanView scan = pipeline.awaitCommitted(pipeline.uploadAgentExport(OTHER, "fs1:data", "D:\\Data", agent, export), TIMEOUT);
        pipeline.awaitChangeSet(scan.snapshotId(), TIMEOUT);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
