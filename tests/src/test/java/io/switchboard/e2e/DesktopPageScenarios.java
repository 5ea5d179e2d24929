package io.switchboard.e2e;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.e2e.CrmDouble.HS_CALLS;
import static io.switchboard.e2e.CrmDouble.SF_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent desktop page ({@code /app/desktop/}) in a real headless Chromium, against the fat jar attached to the
 * simulated PBX with Salesforce, HubSpot and Zendesk enabled against one {@link CrmDouble}: an agent signs in on the
 * page, logs in, a caller rings them and the page shows the caller's CRM record while the phone rings, the agent
 * talks, tries hold, and wraps up on the page with a disposition and notes, which reach each CRM's call log. A wrong
 * password shows an error on the page. Screenshots under {@code tests/<build dir>/screenshots/}.
 */
abstract class DesktopPageScenarios extends PbxScenarios {

    private static final String DID = "4930300900";
    private static final String AGENT = "desk-ana";
    private static final String USERNAME = "ana.desk";
    private static final Duration PAGE = Duration.ofSeconds(20);

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();
    private final String password = "Pw-" + UUID.randomUUID();
    private CrmDouble crm;

    DesktopPageScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startCrmPbxServerAgentAndUser() throws Exception {
        crm = new CrmDouble();
        // simulated time runs ten times faster: the phone rings 3 s and the agent talks 8 s, in real time
        attach("desk", Map.of(flavour.device("2201"), new Phone.Answers(Duration.ofSeconds(30), Duration.ofSeconds(80))),
                DeskLatency.crmEnvironment(crm.url(), "SfSecret-" + UUID.randomUUID(), "pat-na1-" + UUID.randomUUID(),
                        "ZdToken" + UUID.randomUUID().toString().replace("-", "")));
        agent(AGENT, "Ana", "2201");
        queue(DID, "desk", 60, AGENT);
        api.put("/api/v1/users/" + USERNAME, "{\"role\":\"agent\",\"agentId\":\"" + AGENT + "\",\"teams\":[\"t1\"],"
                + "\"password\":\"" + password + "\"}", 201);
    }

    @AfterAll
    void stopCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void the_pop_shows_while_the_call_rings_and_the_wrap_up_on_the_page_reaches_the_crm() throws Exception {
        signIn(USERNAME, password);
        browser.waitFor(By.cssSelector("[data-test=state-panel]"), PAGE);
        awaitText("link", "live");
        browser.waitFor(By.cssSelector("[data-test=log-in]"), PAGE).click();
        awaitText("state", "available");
        awaitState(AGENT, "available");

        String caller = "+442079460031";
        pbx.inboundCall(InboundCall.of(caller, DID));
        awaitText("call-phase", "ringing");
        WebElement name = browser.waitFor(By.cssSelector("[data-test=pop-record-salesforce] [data-test=pop-name]"), PAGE);
        assertThat(text("call-phase")).as("the pop shows while the phone still rings").contains("ringing");
        browser.screenshot("ringing-with-pop");
        assertThat(name.getText()).isEqualTo("Ada Lovelace");
        assertThat(text("call-number")).isEqualTo(caller);
        assertThat(text("call-where")).isEqualTo(DID);
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=pop-record-salesforce] [data-test=pop-link]"))
                .getAttribute("href")).isEqualTo(crm.url() + "/lightning/r/Contact/" + CrmDouble.SF_CONTACT + "/view");
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=pop-record-zendesk] [data-test=pop-tickets]"))
                .getText()).contains("Router keeps rebooting");

        awaitText("call-phase", "connected");
        awaitText("state", "on a call");
        click("hold");
        if (flavour == PbxFlavour.FREESWITCH) {
            awaitText("call-phase", "on hold");
            assertThat(browser.driver().findElement(By.cssSelector("[data-test=hold]")).getAttribute("aria-pressed"))
                    .isEqualTo("true");
            browser.screenshot("on-hold");
            click("hold");
            browser.waitUntil(d -> !text("call-phase").contains("on hold"), PAGE);
        } else {
            awaitText("error", "hold-unsupported");
            assertThat(text("call-phase")).doesNotContain("on hold");
        }

        browser.waitFor(By.cssSelector("[data-test=wrap-up]"), Duration.ofSeconds(40));
        awaitText("call-phase", "ended");
        new Select(browser.driver().findElement(By.cssSelector("[data-test=disposition]"))).selectByValue("resolved");
        browser.driver().findElement(By.cssSelector("[data-test=notes]")).sendKeys("Invoice 42 explained");
        click("wrap-up-submit");
        awaitText("wrap-result", "call logged");

        String callId = awaitQueueLog("queue=" + DID, "CONNECT").get(0).path("callid").asText();
        String key = callId + ":" + AGENT;
        List<ServeEvent> tasks = api.await("the Salesforce Task for " + key, () -> crm.created(SF_TASKS, key),
                created -> created.size() == 1, SOON);
        assertThat(tasks.get(0).getRequest().getBodyAsString()).contains("\"CallDisposition\":\"resolved\"")
                .contains("Invoice 42 explained").contains("\"WhoId\":\"" + CrmDouble.SF_CONTACT + "\"");
        List<ServeEvent> calls = api.await("the HubSpot call for " + key, () -> crm.created(HS_CALLS, key),
                created -> created.size() == 1, SOON);
        assertThat(calls.get(0).getRequest().getBodyAsString()).contains("resolved").contains("Invoice 42 explained");
        browser.screenshot("wrapped-up");

        click("ready");
        awaitText("state", "available");
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=call]")).isDisplayed()).isFalse();
        assertThat(browser.driver().getCurrentUrl()).as("nothing secret in the URL").doesNotContain(password)
                .doesNotContain("token").doesNotContain(caller.substring(1));
        assertThat((String) browser.script("return window.localStorage.length + ''")).as("nothing kept beyond the tab")
                .isEqualTo("0");
        assertThat(serverLog(caller.substring(3))).as("the caller's number is never logged").isEmpty();
        assertThat(serverLog(password)).as("the password is never logged").isEmpty();
    }

    @Test
    void a_wrong_password_shows_an_error_on_the_page() {
        signIn(USERNAME, "not-" + password);
        awaitText("error", "Wrong username or password.");
        browser.screenshot("wrong-password");
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=sign-in]")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("desk")).isDisplayed()).isFalse();
        assertThat((String) browser.script("return window.sessionStorage.getItem('switchboard.desk.session')"))
                .isNull();
    }

    private void signIn(String username, String secret) {
        browser.open(api.url() + "/app/desktop/");
        browser.waitFor(By.cssSelector("[data-test=username]"), PAGE).sendKeys(username);
        browser.driver().findElement(By.cssSelector("[data-test=password]")).sendKeys(secret);
        click("sign-in-submit");
    }

    private void click(String test) {
        browser.waitFor(By.cssSelector("[data-test=" + test + "]"), PAGE).click();
    }

    private String text(String test) {
        return browser.driver().findElement(By.cssSelector("[data-test=" + test + "]")).getText();
    }

    private void awaitText(String test, String wanted) {
        browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test=" + test + "]"));
            return !found.isEmpty() && found.get(0).getText().contains(wanted);
        }, PAGE);
    }
}
