package io.aclens.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import io.aclens.console.security.Totp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodesTest {
    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");

    @Test
    void theSvgDrawsACodeThatReadsBackAsTheAuthenticatorLink() throws Exception {
        String link = Totp.uri(Totp.newSecret(), "анна.петрова@acme.example");

        String svg = QrCodes.svg(link, "QR code for \"your\" <app>").toString();

        assertThat(svg).contains("aria-label=\"QR code for &quot;your&quot; &lt;app>\"");
        assertThat(read(svg)).isEqualTo(link);
    }

    /** The dark modules the path draws, without the quiet zone, decoded as a phone's reader would decode them. */
    private static String read(String svg) throws Exception {
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int side = Integer.parseInt(size.group(1)) - 2 * QrCodes.MARGIN;
        BitMatrix modules = new BitMatrix(side, side);
        Matcher run = RUN.matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x = Integer.parseInt(run.group(1)) - QrCodes.MARGIN;
            int y = Integer.parseInt(run.group(2)) - QrCodes.MARGIN;
            modules.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
        assertThat(runs).isPositive();
        return new Decoder().decode(modules).getText();
    }
}
