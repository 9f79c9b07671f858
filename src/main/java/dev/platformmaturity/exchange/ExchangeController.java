package dev.platformmaturity.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.team.Teams;

/**
 * The team's data as a file to download, and (administrators) a file to import, with
 * every problem listed.
 */
@Controller
@RequestMapping("/teams/{team}")
class ExchangeController {

	private final TeamExchanges exchanges;

	private final Teams teams;

	private final JsonMapper json;

	private final MessageSource messages;

	ExchangeController(TeamExchanges exchanges, Teams teams, JsonMapper json, MessageSource messages) {
		this.exchanges = exchanges;
		this.teams = teams;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/exchange.json")
	ResponseEntity<byte[]> download(@PathVariable String team) {
		TeamData data = exchanges.export(team);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("platform-maturity_" + team + ".json", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
	}

	@GetMapping("/exchange")
	String page(@PathVariable String team, Model page) {
		page.addAttribute("team", teams.team(team));
		return "exchange/exchange";
	}

	@PostMapping("/exchange")
	String importFile(@PathVariable String team, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page) throws IOException {
		page.addAttribute("team", teams.team(team));
		if (file == null || file.isEmpty()) {
			page.addAttribute("problems", List.of(messages.getMessage("exchange.file.missing", null, locale)));
			return "exchange/exchange";
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			page.addAttribute("problems", List.of(messages.getMessage("exchange.file.notUtf8", null, locale)));
			return "exchange/exchange";
		}
		try {
			page.addAttribute("imported", exchanges.importData(team, text, locale, user.personId()));
		}
		catch (ExchangeRefused refused) {
			page.addAttribute("problems", refused.problems());
		}
		return "exchange/exchange";
	}

}
