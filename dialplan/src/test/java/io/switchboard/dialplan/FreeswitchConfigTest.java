package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shipped FreeSWITCH XML: well-formed, and only the conditions and applications we mean to use. */
class FreeswitchConfigTest {

    private static final Path ROOT = Path.of("freeswitch");
    private static final Path INBOUND = ROOT.resolve("dialplan/public/00_switchboard.xml");
    private static final Set<String> APPLICATIONS = Set.of("answer", "set", "park");
    private static final Set<String> CONDITION_FIELDS = Set.of("destination_number");

    @Test
    void everyXmlFileIsWellFormed() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertThat(files).contains(INBOUND, ROOT.resolve("autoload_configs/event_socket.conf.xml"));
        for (Path file : files) {
            assertThatCode(() -> read(file)).as(file.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void inboundExtensionUsesOnlyIntendedConditionsAndApplications() throws Exception {
        for (Element condition : elements(read(INBOUND), "condition")) {
            assertThat(condition.getAttribute("field")).isIn(CONDITION_FIELDS);
            assertThatCode(() -> Pattern.compile(condition.getAttribute("expression"))).doesNotThrowAnyException();
        }
        for (Element action : elements(read(INBOUND), "action")) {
            assertThat(action.getAttribute("application")).isIn(APPLICATIONS);
        }
    }

    @Test
    void inboundCallIsTaggedAnsweredAndParkedLast() throws Exception {
        List<Element> extensions = elements(read(INBOUND), "extension");
        assertThat(extensions).extracting(e -> e.getAttribute("name")).containsExactly("switchboard_inbound");
        List<String> steps = elements(extensions.get(0), "action").stream()
                .map(a -> a.getAttribute("application") + " " + a.getAttribute("data")).map(String::strip).toList();
        assertThat(steps).containsExactly(
                "set switchboard_queue=$1",
                "set switchboard_hold_reason=NEW",
                "answer",
                "park");
        Element condition = elements(extensions.get(0), "condition").get(0);
        assertThat(Pattern.compile(condition.getAttribute("expression")).matcher("7000").matches()).isTrue();
    }

    @Test
    void eventSocketListensOnLoopbackWithAPlaceholderPassword() throws Exception {
        Document doc = read(ROOT.resolve("autoload_configs/event_socket.conf.xml"));
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("event_socket.conf");
        var params = new java.util.HashMap<String, String>();
        elements(doc, "param").forEach(p -> params.put(p.getAttribute("name"), p.getAttribute("value")));
        assertThat(params).containsEntry("listen-ip", "127.0.0.1")
                .containsEntry("password", "CHANGE-ME")
                .containsEntry("apply-inbound-acl", "loopback.auto");
    }

    private static Document read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document doc, String tag) {
        return elements(doc.getDocumentElement(), tag);
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
