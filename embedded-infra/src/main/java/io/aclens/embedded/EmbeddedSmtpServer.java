package io.aclens.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server in this JVM (GreenMail) that keeps what it receives: the demo delivers the package to it, the
 * tests read what arrived and stop and start it to play an SMTP outage.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {
    private final int port;
    private GreenMail server;

    private EmbeddedSmtpServer(int port) {
        this.port = port;
    }

    /** Starts on {@code port}, or a free one when 0. */
    public static EmbeddedSmtpServer start(int port) {
        EmbeddedSmtpServer smtp = new EmbeddedSmtpServer(port == 0 ? FreePorts.next() : port);
        smtp.startServer();
        return smtp;
    }

    private void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public int port() {
        return port;
    }

    /** Every message received since start (or since the last outage), in order. */
    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** Stops accepting connections, as an SMTP relay that is down; what it received is forgotten. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Accepts connections again on the same port. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }
}
