package dev.skopos.render.istioctl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff in unified format ({@code ---}/{@code +++} headers, {@code @@ -a,n +b,m @@} hunks with
 * context), as {@code diff -u} and Go's difflib print it. The edit script is Myers' O(ND) shortest
 * one over lines, after the common head and tail are set aside; within a change, deletions come
 * before insertions, as both tools print them.
 */
public final class UnifiedDiff {

    /**
     * Beyond this many differing lines the shortest script is not worth its memory (the trace grows
     * with its square): the differing middle is then shown as one deletion and one insertion.
     */
    static final int MAX_EDIT_DISTANCE = 2000;

    enum Op { EQUAL, DELETE, INSERT }

    /** One line of the script; {@code a} and {@code b} are the positions in each side before it. */
    record Edit(Op op, int a, int b, String line) {}

    private UnifiedDiff() {
    }

    /**
     * @param context lines of unchanged text around each change; changes closer than twice that share a hunk
     * @return the diff, every line ending in a newline; empty when the sides are equal
     */
    public static String diff(List<String> from, List<String> to, String fromName, String toName, int context) {
        List<Edit> script = script(from, to);
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (script.get(i).op() != Op.EQUAL) {
                changes.add(i);
            }
        }
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        int first = 0;
        for (int c = 1; c <= changes.size(); c++) {
            // Equal lines between two changes are exactly the script entries between them.
            if (c == changes.size() || changes.get(c) - changes.get(c - 1) - 1 > 2 * context) {
                int start = Math.max(0, changes.get(first) - context);
                int end = Math.min(script.size(), changes.get(c - 1) + context + 1);
                hunk(out, script.subList(start, end));
                first = c;
            }
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> edits) {
        int aCount = 0;
        int bCount = 0;
        for (Edit e : edits) {
            aCount += e.op() == Op.INSERT ? 0 : 1;
            bCount += e.op() == Op.DELETE ? 0 : 1;
        }
        out.append("@@ -").append(range(edits.get(0).a(), aCount))
                .append(" +").append(range(edits.get(0).b(), bCount)).append(" @@\n");
        for (Edit e : edits) {
            out.append(switch (e.op()) {
                case EQUAL -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line()).append('\n');
        }
    }

    /** {@code start,count} one-based; a single line is just its number; an empty range names the line before. */
    private static String range(int start, int count) {
        if (count == 1) {
            return Integer.toString(start + 1);
        }
        return (count == 0 ? start : start + 1) + "," + count;
    }

    /** The whole edit script from {@code a} to {@code b}. */
    static List<Edit> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            edits.add(new Edit(Op.EQUAL, i, i, a.get(i)));
        }
        List<Edit> middle = myers(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail));
        for (Edit e : deletionsFirst(middle)) {
            edits.add(new Edit(e.op(), e.a() + head, e.b() + head, e.line()));
        }
        for (int i = tail; i > 0; i--) {
            edits.add(new Edit(Op.EQUAL, a.size() - i, b.size() - i, a.get(a.size() - i)));
        }
        return edits;
    }

    /** Myers' greedy forward search, keeping each round's frontier so the path can be walked back. */
    private static List<Edit> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> frontiers = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[off + k] = x;
            }
            int[] frontier = new int[2 * d + 1];
            System.arraycopy(v, off - d, frontier, 0, frontier.length);
            frontiers.add(frontier);
            if (Math.abs(n - m) <= d && (n - m + d) % 2 == 0 && v[off + n - m] >= n) {
                return walkBack(a, b, frontiers, d);
            }
        }
        return replaceAll(a, b);
    }

    private static List<Edit> walkBack(List<String> a, List<String> b, List<int[]> frontiers, int depth) {
        List<Edit> reversed = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = depth; d > 0; d--) {
            int[] prev = frontiers.get(d - 1);
            int k = x - y;
            boolean down = k == -d || (k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = prev[prevK + d - 1];
            int prevY = prevX - prevK;
            int midX = down ? prevX : prevX + 1;
            while (x > midX) {
                x--;
                y--;
                reversed.add(new Edit(Op.EQUAL, x, y, a.get(x)));
            }
            reversed.add(down ? new Edit(Op.INSERT, prevX, prevY, b.get(prevY))
                    : new Edit(Op.DELETE, prevX, prevY, a.get(prevX)));
            x = prevX;
            y = prevY;
        }
        while (x > 0) {
            x--;
            y--;
            reversed.add(new Edit(Op.EQUAL, x, y, a.get(x)));
        }
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<Edit> replaceAll(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            edits.add(new Edit(Op.DELETE, i, 0, a.get(i)));
        }
        for (int j = 0; j < b.size(); j++) {
            edits.add(new Edit(Op.INSERT, a.size(), j, b.get(j)));
        }
        return edits;
    }

    /** Within each run of changes, all deletions then all insertions, positions recomputed. */
    private static List<Edit> deletionsFirst(List<Edit> edits) {
        List<Edit> out = new ArrayList<>(edits.size());
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.EQUAL) {
                out.add(edits.get(i++));
                continue;
            }
            int a = edits.get(i).a();
            int b = edits.get(i).b();
            List<Edit> dels = new ArrayList<>();
            List<Edit> ins = new ArrayList<>();
            while (i < edits.size() && edits.get(i).op() != Op.EQUAL) {
                (edits.get(i).op() == Op.DELETE ? dels : ins).add(edits.get(i++));
            }
            for (Edit d : dels) {
                out.add(new Edit(Op.DELETE, a++, b, d.line()));
            }
            for (Edit n : ins) {
                out.add(new Edit(Op.INSERT, a, b++, n.line()));
            }
        }
        return out;
    }
}
