package dev.platformmaturity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatformMaturityApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlatformMaturityApplication.class, args);
	}

}
