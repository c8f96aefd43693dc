package dev.skopos.render;

/**
 * A table column and how it gives way when the terminal is narrow.
 *
 * @param numeric    aligns right
 * @param wide       takes the room left over when the terminal is wider than the data
 * @param keepEnd    cut from the left ({@code …d5-kx2vq}) where the end tells rows apart
 * @param minWidth   narrowest it is shrunk to before columns are dropped
 * @param shrinkRank lower ranks shrink first (0: shrinks only when nothing else can)
 * @param dropRank   lower ranks are dropped first when shrinking is not enough (0: never dropped)
 */
public record Column(String name, boolean numeric, boolean wide, boolean keepEnd, int minWidth, int shrinkRank,
                     int dropRank) {

    public static Column text(String name) {
        return new Column(name, false, false, false, name.length(), 0, 0);
    }

    public static Column wide(String name) {
        return new Column(name, false, true, false, name.length(), 0, 0);
    }

    public static Column number(String name) {
        return new Column(name, true, false, false, name.length(), 0, 0);
    }

    public Column shrinks(int rank, int min) {
        return new Column(name, numeric, wide, keepEnd, min, rank, dropRank);
    }

    public Column drops(int rank) {
        return new Column(name, numeric, wide, keepEnd, minWidth, shrinkRank, rank);
    }

    public Column keepingEnd() {
        return new Column(name, numeric, wide, true, minWidth, shrinkRank, dropRank);
    }
}
