package dev.newsdesk.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on this machine that takes a whole message and then never answers, as a server that crashed
 * or lost its network at that moment would: whether it delivered the message, the sender cannot know.
 */
final class SilentSmtpServer implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger messages = new AtomicInteger();

    SilentSmtpServer() throws IOException {
        Thread.ofPlatform().daemon().name("silent-smtp").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages received in full (and never confirmed). */
    int messages() {
        return messages.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // The client gave up, or the server is closing.
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 localhost ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                    // Read the whole message.
                }
                messages.incrementAndGet();
                // Silence, until the client gives up and hangs up.
                while (in.readLine() != null) {
                    // Whatever it says now goes unanswered.
                }
                return;
            }
            reply(out, command.startsWith("QUIT") ? "221 Bye" : "250 OK");
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
