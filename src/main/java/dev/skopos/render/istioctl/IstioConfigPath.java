package dev.skopos.render.istioctl;

/**
 * istioctl's DESTINATION RULE / VIRTUAL SERVICE cells: the {@code istio.config} metadata path
 * {@code /apis/GROUP/VERSION/namespaces/NS/KIND/NAME} shown as {@code NAME.NS}.
 */
final class IstioConfigPath {

    private IstioConfigPath() {
    }

    static String describe(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String[] pieces = path.split("/", -1);
        if (path.startsWith("/apis/") && pieces.length > 5 && pieces[4].equals("namespaces")) {
            return pieces.length == 8 ? pieces[7] + "." + pieces[5] : "";
        }
        return "<unknown>";
    }
}
