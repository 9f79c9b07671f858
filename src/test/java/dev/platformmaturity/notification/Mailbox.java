package dev.platformmaturity.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port, which a test can stop and start again on
 * the same port to play an unreachable mail server.
 */
final class Mailbox implements AutoCloseable {

	private final int port;

	private GreenMail server;

	Mailbox() {
		this.port = freePort();
		start();
	}

	int port() {
		return port;
	}

	synchronized void start() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
	}

	synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	synchronized List<MimeMessage> messages() {
		return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
	}

	/** The messages to one address. */
	List<MimeMessage> to(String address) {
		return messages().stream().filter(message -> recipients(message).contains(address)).toList();
	}

	synchronized void clear() {
		try {
			server.purgeEmailFromAllMailboxes();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	static List<String> recipients(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return to == null ? List.of()
					: Arrays.stream(to).map(address -> address.toString().replaceAll(".*<(.*)>.*", "$1")).toList();
		}
		catch (MessagingException failed) {
			throw new IllegalStateException(failed);
		}
	}

	@Override
	public void close() {
		stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
