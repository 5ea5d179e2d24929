package io.switchboard.dialplan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A FreeSWITCH XML dialplan file as mod_dialplan_xml reads it: extensions with their conditions,
 * actions and anti-actions, in document order. Snippet files without a {@code <context>} element
 * (the ones dropped into {@code dialplan/public/} or {@code dialplan/default/}) get the context
 * their directory is included into.
 */
record FreeswitchDialplan(String headerComment, List<Extension> extensions) {

    /** One {@code <action>} or {@code <anti-action>}. */
    record Action(String application, String data, boolean anti, boolean inline) {
    }

    /** One {@code <condition>}; {@code breakOn} is the {@code break} attribute, {@code on-false} when absent. */
    record Condition(String field, String expression, String breakOn, List<Action> actions, List<Action> antiActions) {

        Pattern pattern() {
            return Pattern.compile(expression);
        }
    }

    /** One {@code <extension>}; {@code comment} is the XML comment right before it, empty if none. */
    record Extension(String context, String name, String comment, boolean continues, List<Condition> conditions) {

        /** The destination number pattern of the first condition, the one that selects the extension. */
        Optional<Pattern> destination() {
            return conditions.stream().findFirst().filter(c -> c.field().equals("destination_number"))
                    .map(Condition::pattern);
        }

        boolean answers(String number) {
            return destination().map(p -> p.matcher(number).matches()).orElse(false);
        }

        List<Action> allActions() {
            List<Action> all = new ArrayList<>();
            conditions.forEach(c -> {
                all.addAll(c.actions());
                all.addAll(c.antiActions());
            });
            return all;
        }
    }

    static FreeswitchDialplan read(Path file, String defaultContext) throws Exception {
        Document doc = Xml.read(file);
        String header = "";
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Comment comment) {
                header = comment.getData();
                break;
            }
        }
        List<Extension> extensions = new ArrayList<>();
        for (Element ext : Xml.elements(doc.getDocumentElement(), "extension")) {
            Element parent = (Element) ext.getParentNode();
            String context = parent.getTagName().equals("context") ? parent.getAttribute("name") : defaultContext;
            List<Condition> conditions = new ArrayList<>();
            for (Element cond : Xml.children(ext, "condition")) {
                conditions.add(new Condition(cond.getAttribute("field"), cond.getAttribute("expression"),
                        cond.hasAttribute("break") ? cond.getAttribute("break") : "on-false",
                        actions(cond, "action", false), actions(cond, "anti-action", true)));
            }
            extensions.add(new Extension(context, ext.getAttribute("name"), commentBefore(ext),
                    "true".equals(ext.getAttribute("continue")), conditions));
        }
        return new FreeswitchDialplan(header, extensions);
    }

    private static String commentBefore(Element element) {
        for (Node n = element.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Comment comment) {
                return comment.getData();
            }
            if (n instanceof Element) {
                return "";
            }
        }
        return "";
    }

    private static List<Action> actions(Element condition, String tag, boolean anti) {
        return Xml.children(condition, tag).stream()
                .map(a -> new Action(a.getAttribute("application"), a.getAttribute("data"), anti,
                        "true".equals(a.getAttribute("inline"))))
                .toList();
    }

    List<Action> actions() {
        return extensions.stream().flatMap(e -> e.allActions().stream()).toList();
    }

    /** The extension a transfer to {@code number} in {@code context} lands in: the first that matches. */
    Optional<Extension> hunt(String context, String number) {
        return extensions.stream().filter(e -> e.context().equals(context) && e.answers(number)).findFirst();
    }
}
