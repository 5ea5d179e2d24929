package io.switchboard.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialplanLinterTest {

    private final DialplanLinter linter = new DialplanLinter(Set.of("from-trunk"));

    private List<String> lint(String text) {
        return linter.lint(AsteriskDialplan.parse(text));
    }

    @Test
    void acceptsAConsistentDialplan() {
        assertThat(lint("""
                [a]
                include => b
                exten => 100,1,NoOp(start) ; a comment, with a comma
                 same => n(again),Goto(b,s,1)
                 same => n,GotoIf($["${X}" = "1"]?again:200,1)
                exten => 200,1,Dial(Local/agent1@b,5)
                 same => n,Goto(from-trunk,${EXTEN},1)
                [b]
                exten => s,1,Goto(a,100,again)
                """)).isEmpty();
    }

    @Test
    void reportsAGotoIntoAMissingContext() {
        assertThat(lint("""
                [a]
                exten => s,1,Goto(hold,s,1)
                """)).singleElement().asString()
                .startsWith("2: ")
                .contains("context [hold]", "neither defined nor documented");
    }

    @Test
    void reportsAMissingContextInGotoIfIncludeAndDial() {
        assertThat(lint("""
                [a]
                include => nowhere
                exten => s,1,GotoIf($[1]?gone,s,1:a,s,1)
                 same => n,Dial(SIP/1001&Local/agent1@agents,5)
                """)).hasSize(3)
                .anySatisfy(f -> assertThat(f).contains("include", "[nowhere]"))
                .anySatisfy(f -> assertThat(f).contains("GotoIf", "[gone]"))
                .anySatisfy(f -> assertThat(f).contains("Dial", "[agents]"));
    }

    @Test
    void reportsAMissingLabelExtensionOrPriority() {
        assertThat(lint("""
                [a]
                exten => s,1,GotoIf($["${DIALSTATUS}" = "ANSWER"]?done)
                 same => n,Goto(b,1)
                 same => n,Goto(s,7)
                """)).containsExactly(
                "2: GotoIf to missing label s,done in [a]",
                "3: Goto to missing extension b in [a]",
                "4: Goto to missing priority s,7 in [a]");
    }

    @Test
    void reportsSameWithoutAnExten() {
        assertThat(lint("""
                [a]
                 same => n,NoOp(orphan)
                exten => s,1,NoOp(fine)
                [b]
                 same => n,NoOp(orphan after a new context)
                """)).hasSize(2).allSatisfy(f -> assertThat(f).contains("without a preceding 'exten =>'"));
    }

    @Test
    void reportsAnExtensionWithoutPriorityOne() {
        assertThat(lint("""
                [a]
                exten => s,2,NoOp(two)
                exten => t,n,NoOp(n first)
                """)).containsExactly(
                "3: extension t starts with priority n, not 1",
                "2: extension [a] s has no priority 1");
    }

    @Test
    void readsAnEscapedSemicolonAsText() {
        AsteriskDialplan plan = AsteriskDialplan.parse("""
                [a]
                exten => s,1,NoOp(a\\;b) ; comment
                """);
        assertThat(plan.priorities()).singleElement().extracting(AsteriskDialplan.Priority::args).isEqualTo("a\\;b");
    }

    @Test
    void splitsArgumentsOnlyOutsideExpressions() {
        assertThat(Args.split("${IF($[\"${A}\" = \"\"]?15:${A})},Key: ${CALLERID(num)},x", ','))
                .containsExactly("${IF($[\"${A}\" = \"\"]?15:${A})}", "Key: ${CALLERID(num)}", "x");
    }
}
