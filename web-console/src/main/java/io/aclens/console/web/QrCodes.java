package io.aclens.console.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.qute.RawString;
import java.util.Map;

/**
 * A QR code as inline SVG — one path of dark modules, row by row — so a phone's authenticator app takes the second
 * factor's link from the screen; no image file, no script, and sharp at any zoom.
 */
public final class QrCodes {
    /** The quiet zone around the code that readers need, in modules. */
    static final int MARGIN = 4;

    private QrCodes() {
    }

    public static RawString svg(String text, String label) {
        BitMatrix modules = modules(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(',').append(y).append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return new RawString("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules.getWidth() + " " + modules.getHeight()
                + "\" width=\"" + modules.getWidth() * 4 + "\" height=\"" + modules.getHeight() * 4 + "\" shape-rendering=\"crispEdges\" role=\"img\""
                + " aria-label=\"" + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>");
    }

    static BitMatrix modules(String text) {
        try {
            // width and height 0: one pixel per module, the quiet zone included
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, MARGIN, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", e);
        }
    }
}
