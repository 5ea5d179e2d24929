package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor wallboard page ({@code /app/wallboard/}) in a real headless Chromium against the server and
 * pbx-sim: a supervisor signs in and sees their team's agent available (and not another team's); a call connects
 * to the agent and the grid shows them on call within two seconds of the server knowing it; the supervisor
 * starts a listen from the page ({@code GET /api/v1/monitors} has it) and forces a pause, which holds after the
 * call as an app_queue pause does. Screenshots at each of those moments.
 */
abstract class WallboardPageScenarios extends PbxScenarios {

    private static final String SUPPORT_DID = "4930100800";
    private static final String PASSWORD = "sup-password-1";
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    WallboardPageScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerTeamAndSupervisor() throws Exception {
        attach("wallboard", Map.of(
                flavour.device("3301"), ANSWERS_AND_STAYS,
                flavour.device("3302"), ANSWERS_AND_STAYS,
                flavour.device("3390"), ANSWERS_AND_STAYS));
        agent("w1", "Wanda", "3301");
        agent("w2", "Otto", "3302");
        queue(SUPPORT_DID, "support", 1, "w1");
        api.put("/api/v1/users/wanda", "{\"role\":\"agent\",\"agentId\":\"w1\",\"teams\":[\"north\"],"
                + "\"password\":\"agent-password-1\"}", 201);
        api.put("/api/v1/users/otto", "{\"role\":\"agent\",\"agentId\":\"w2\",\"teams\":[\"south\"],"
                + "\"password\":\"agent-password-2\"}", 201);
        api.put("/api/v1/users/sam", "{\"role\":\"supervisor\",\"teams\":[\"north\"],\"password\":\"" + PASSWORD
                + "\"}", 201);
        availableInTurn("w1", "w2");
    }

    @Test
    void a_supervisor_sees_the_agent_go_on_a_call_listens_and_forces_a_pause_from_the_wallboard() throws Exception {
        browser.open(api.url() + "/app/wallboard/");
        browser.waitFor(By.id("username"), PAGE).sendKeys("sam");
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("[data-test=sign-in-submit]")).click();
        browser.waitUntil(d -> "live".equals(d.findElement(By.id("connection")).getText()), PAGE);
        awaitRow("w1", "available");
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=agent-w2]")))
                .as("another team's agent is not on this supervisor's wallboard").isEmpty();
        assertThat(browser.driver().getCurrentUrl()).as("no token in the URL").doesNotContain("sbs1.");
        assertThat(browser.script("return sessionStorage.getItem('switchboard.wallboard.token')").toString())
                .as("the session token, in sessionStorage only").startsWith("sbs1.");
        browser.screenshot(flavour.type() + "-agent-available");

        String caller = pbx.inboundCall(InboundCall.of("+4930555800", SUPPORT_DID));
        awaitState("w1", "on-call");
        Instant serverKnew = Instant.now();
        awaitRow("w1", "on-call");
        Duration shown = Duration.between(serverKnew, Instant.now());
        System.out.printf("wallboard %s: on call on the page %d ms after the API said so%n", flavour.type(),
                shown.toMillis());
        browser.screenshot(flavour.type() + "-agent-on-call");
        assertThat(shown).as("the wallboard shows the call within two seconds of the server").isLessThan(
                Duration.ofSeconds(2));
        assertThat(browser.waitFor(By.cssSelector("[data-test=queue-" + SUPPORT_DID + "] [data-test=waiting]"), PAGE)
                .getText()).isEqualTo("0");

        assertThat(api.postError("/api/v1/agents/w1/state", "{\"state\":\"available\"}", 409))
                .as("an agent on a call is not made available: they would be offered a second call")
                .isEqualTo("illegal-transition");

        row("w1").findElement(By.cssSelector("[data-test=listen]")).click();
        browser.waitFor(By.id("device"), PAGE).sendKeys(flavour.device("3390"));
        browser.driver().findElement(By.cssSelector("[data-test=device-save]")).click();
        JsonNode monitor = api.await("the page's listen in GET /api/v1/monitors",
                () -> api.getJson("/api/v1/monitors").path("monitors"), monitors -> monitors.size() == 1, SOON).get(0);
        assertThat(monitor.path("agentId").asText()).isEqualTo("w1");
        assertThat(monitor.path("mode").asText()).isEqualTo("listen");
        assertThat(monitor.path("supervisor").asText()).isEqualTo("sam");
        assertThat(monitor.path("device").asText()).isEqualTo(flavour.device("3390"));
        browser.waitFor(By.cssSelector("[data-test=monitor-" + monitor.path("id").asText() + "]"), PAGE);

        new Select(row("w1").findElement(By.cssSelector("[data-test=reason]"))).selectByValue("break");
        row("w1").findElement(By.cssSelector("[data-test=pause]")).click();
        awaitRow("w1", "paused");
        assertThat(row("w1").findElement(By.cssSelector("[data-test=state]")).getText()).contains("break");
        browser.screenshot(flavour.type() + "-agent-paused");
        JsonNode state = api.getJson("/api/v1/agents/w1/state");
        assertThat(state.path("state").asText()).isEqualTo("paused");
        assertThat(state.path("reason").asText()).isEqualTo("break");
        assertThat(bridged(caller)).as("a forced pause leaves the call up").isTrue();

        pbx.callerHangsUp(caller);
        awaitQueueLog("queue=" + SUPPORT_DID, "COMPLETE");
        assertThat(api.agentState("w1")).as("the pause holds after the call, as app_queue's does").isEqualTo("paused");
        assertThat(row("w1").getAttribute("data-state")).isEqualTo("paused");
    }

    private WebElement row(String agent) {
        return browser.driver().findElement(By.cssSelector("[data-test=agent-" + agent + "]"));
    }

    private void awaitRow(String agent, String state) {
        browser.waitUntil(d -> d.findElements(By.cssSelector("[data-test=agent-" + agent + "][data-state=" + state
                + "]")).size() == 1, PAGE);
    }

    private boolean bridged(String channel) {
        AtomicBoolean bridged = new AtomicBoolean();
        pbx.drive(world -> bridged.set(world.isBridged(channel)));
        return bridged.get();
    }
}
