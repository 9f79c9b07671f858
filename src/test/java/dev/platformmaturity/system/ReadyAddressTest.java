package dev.platformmaturity.system;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up log names the address to open, with the real port and context path, once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadyAddressTest {

	@Test
	void aStartedServerTellsItsAddressOnceWhenItIsReady(CapturedOutput output) {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(
				TomcatServletWebServerAutoConfiguration.class, ReadyAddress.class)
			.properties(Map.of("server.port", "0", "server.servlet.context-path", "/maturity",
					"spring.main.banner-mode", "off"))
			.run()) {
			String port = application.getEnvironment().getProperty("local.server.port");

			assertThat(port).isNotEqualTo("0");
			assertThat(output.getOut().split("Platform Maturity is ready", -1)).as("told once").hasSize(2);
			assertThat(output.getOut()).contains("Platform Maturity is ready: http://localhost:" + port + "/maturity/");
		}
	}

	@Test
	void theAddressUsesTheBoundHostOrLocalhostAndTheContextPath() throws Exception {
		assertThat(ReadyAddress.address(false, null, 8080, "")).isEqualTo("http://localhost:8080/");
		assertThat(ReadyAddress.address(false, InetAddress.getByName("0.0.0.0"), 8080, ""))
			.isEqualTo("http://localhost:8080/");
		assertThat(ReadyAddress.address(true, InetAddress.getByName("192.168.1.20"), 8443, "/maturity"))
			.isEqualTo("https://192.168.1.20:8443/maturity/");
		assertThat(ReadyAddress.address(false, InetAddress.getByName("::1"), 9000, ""))
			.isEqualTo("http://[0:0:0:0:0:0:0:1]:9000/");
	}

}
