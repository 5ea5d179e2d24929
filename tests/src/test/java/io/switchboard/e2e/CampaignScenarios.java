package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor sets up an outbound campaign through the running server: the campaign on an inbound-style queue,
 * a weighted list and a few leads, then starts and pauses it. Bad input is refused, naming the field, and stores
 * nothing; lead numbers never reach the log in full.
 */
abstract class CampaignScenarios extends PbxScenarios {

    private static final String QUEUE = "4930100960";

    CampaignScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgent() throws Exception {
        attach("campaigns", Map.of(flavour.device("7601"), new Phone.Answers(Duration.ofSeconds(1), null)));
        agent("caro", "Caro", "7601");
        queue(QUEUE, "outbound", 0, "caro");
    }

    private static String campaign(String id, String queue) {
        return "{\"id\":\"" + id + "\",\"name\":\"Renewals\",\"mode\":\"progressive\",\"queue\":\"" + queue + "\","
                + "\"jurisdiction\":\"uk\",\"callingWindow\":{\"opens\":\"09:00\",\"closes\":\"20:00\"},"
                + "\"holidays\":[\"2026-12-25\"],\"callerIds\":[\"020 7946 0018\"],"
                + "\"recycleRules\":[{\"result\":\"busy\",\"retryAfterSeconds\":300,\"maxAttempts\":5}]}";
    }

    @Test
    void a_campaign_with_a_list_and_leads_is_set_up_started_and_paused_and_bad_input_stores_nothing()
            throws Exception {
        assertThat(api.error("/api/v1/campaigns", campaign("renewals", "nowhere"), 400).path("details")
                .path("field").asText()).isEqualTo("queue");
        assertThat(api.error("/api/v1/campaigns", campaign("renewals", QUEUE).replace("20:00", "21:30"), 400)
                .path("details").path("field").asText()).isEqualTo("callingWindow.closes");
        assertThat(api.get("/api/v1/campaigns/renewals").statusCode()).isEqualTo(404);

        JsonNode created = api.post("/api/v1/campaigns", campaign("renewals", QUEUE), 201);
        assertThat(created.path("state").asText()).isEqualTo("draft");
        assertThat(created.path("callerIds").get(0).asText()).isEqualTo("+442079460018");
        api.post("/api/v1/campaigns/renewals/lists", "{\"id\":\"renewals-warm\",\"priority\":5,\"mixWeight\":3}",
                201);
        api.post("/api/v1/campaigns/renewals/leads", "[{\"phone\":\"020 7946 0601\",\"listId\":\"renewals-warm\"},"
                + "{\"phone\":\"+44 20 7946 0602\",\"attributes\":{\"name\":\"Bea\"}}]", 201);
        assertThat(api.error("/api/v1/campaigns/renewals/leads", "[{\"phone\":\"020 7946 0603\"},"
                + "{\"phone\":\"020 7946 0604\",\"listId\":\"cold\"}]", 400).path("details").path("field").asText())
                .isEqualTo("[1].listId");
        JsonNode leads = api.getJson("/api/v1/campaigns/renewals/leads?state=new").path("leads");
        assertThat(leads).hasSize(2);
        assertThat(leads.get(0).path("listId").asText()).isEqualTo("renewals-warm");

        assertThat(api.postError("/api/v1/campaigns/renewals/pause", "", 409)).isEqualTo("campaign-state");
        assertThat(api.post("/api/v1/campaigns/renewals/start", "", 200).path("state").asText()).isEqualTo("running");
        assertThat(api.post("/api/v1/campaigns/renewals/pause", "", 200).path("state").asText()).isEqualTo("paused");
        assertThat(api.getJson("/api/v1/campaigns").path("campaigns").get(0).path("state").asText())
                .isEqualTo("paused");

        assertThat(serverLog("event=leads-added", "campaign=renewals")).isNotEmpty()
                .noneMatch(line -> line.contains("2079460601") || line.contains("2079460602"));
    }
}
