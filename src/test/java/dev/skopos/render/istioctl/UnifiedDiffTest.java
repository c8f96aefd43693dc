package dev.skopos.render.istioctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static List<String> lines(String s) {
        return List.of(s.split("\n", -1));
    }

    @Test
    void equalSidesGiveNothing() {
        assertThat(UnifiedDiff.diff(lines("a\nb"), lines("a\nb"), "x", "y", 3)).isEmpty();
    }

    @Test
    void oneChangedLineWithThreeLinesOfContextAsDiffUPrintsIt() {
        String diff = UnifiedDiff.diff(lines("1\n2\n3\n4\n5\n6\n7\n8\n9"), lines("1\n2\n3\n4\nfive\n6\n7\n8\n9"),
                "Istiod Clusters", "Envoy Clusters", 3);

        assertThat(diff).isEqualTo("""
                --- Istiod Clusters
                +++ Envoy Clusters
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void changesFartherApartThanTwiceTheContextGetTheirOwnHunks() {
        List<String> a = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            a.add(Integer.toString(i));
        }
        List<String> b = new ArrayList<>(a);
        b.set(1, "two");
        b.set(17, "eighteen");

        String diff = UnifiedDiff.diff(a, b, "a", "b", 3);

        assertThat(diff).contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n")
                .contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
        // Six equal lines between changes is exactly twice the context: one hunk.
        b.set(17, "18");
        b.set(8, "nine");
        assertThat(UnifiedDiff.diff(a, b, "a", "b", 3)).containsOnlyOnce("\n@@ ");
    }

    @Test
    void insertionIntoAnEmptySideNamesLineZero() {
        assertThat(UnifiedDiff.diff(List.of(), List.of("x", "y"), "a", "b", 3))
                .isEqualTo("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(UnifiedDiff.diff(List.of("x"), List.of(), "a", "b", 3))
                .isEqualTo("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
    }

    @Test
    void deletionsComeBeforeInsertionsWithinAChange() {
        assertThat(UnifiedDiff.diff(lines("k\na\nb\nk"), lines("k\nc\nd\nk"), "a", "b", 1))
                .endsWith("@@ -1,4 +1,4 @@\n k\n-a\n-b\n+c\n+d\n k\n");
    }

    /** The script must rebuild both sides and be as short as the longest common subsequence allows. */
    @RepeatedTest(200)
    void scriptIsAShortestEditScript() {
        Random random = new Random();
        List<String> a = randomLines(random);
        List<String> b = randomLines(random);

        List<UnifiedDiff.Edit> script = UnifiedDiff.script(a, b);

        List<String> fromA = new ArrayList<>();
        List<String> fromB = new ArrayList<>();
        int changes = 0;
        for (UnifiedDiff.Edit e : script) {
            if (e.op() != UnifiedDiff.Op.INSERT) {
                assertThat(a.get(fromA.size())).isEqualTo(e.line());
                assertThat(e.a()).isEqualTo(fromA.size());
                fromA.add(e.line());
            }
            if (e.op() != UnifiedDiff.Op.DELETE) {
                assertThat(e.b()).isEqualTo(fromB.size());
                fromB.add(e.line());
            }
            changes += e.op() == UnifiedDiff.Op.EQUAL ? 0 : 1;
        }
        assertThat(fromA).isEqualTo(a);
        assertThat(fromB).isEqualTo(b);
        assertThat(changes).isEqualTo(a.size() + b.size() - 2 * lcs(a, b));
    }

    @Test
    void veryDifferentSidesFallBackToOneReplacement() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < UnifiedDiff.MAX_EDIT_DISTANCE + 10; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        a.add("same");
        b.add("same");

        List<UnifiedDiff.Edit> script = UnifiedDiff.script(a, b);

        assertThat(script).hasSize(a.size() + b.size() - 1);
        assertThat(script.get(script.size() - 1).op()).isEqualTo(UnifiedDiff.Op.EQUAL);
    }

    private static List<String> randomLines(Random random) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(15);
        for (int i = 0; i < n; i++) {
            out.add(Character.toString('a' + random.nextInt(4)));
        }
        return out;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
