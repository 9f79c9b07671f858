package dev.platformmaturity.model;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key the model whose newest imported version new assessments use
 * @param locations where model files are looked for at start-up (Spring resource
 * patterns)
 */
@ConfigurationProperties("app.model")
record ModelProperties(@DefaultValue("cncf-pemm") String key,
		@DefaultValue("classpath*:db/model/*.yaml") List<String> locations) {
}
