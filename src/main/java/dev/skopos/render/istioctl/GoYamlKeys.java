package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * go-yaml v2's map key order (its keyList.Less): letters compare as letters, runs of digits as
 * numbers, so {@code port2} sorts before {@code port10}, as istioctl's YAML output shows.
 */
final class GoYamlKeys {

    private GoYamlKeys() {
    }

    static List<String> sorted(JsonNode obj) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        keys.sort(GoYamlKeys::compare);
        return keys;
    }

    static int compare(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return Integer.compare(ar[i], br[i]);
            }
            if (al || bl) {
                return bl ? -1 : 1;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return Long.compare(an, bn);
            }
            if (ai != bi) {
                return Integer.compare(ai, bi);
            }
            return Integer.compare(ar[i], br[i]);
        }
        return Integer.compare(ar.length, br.length);
    }
}
