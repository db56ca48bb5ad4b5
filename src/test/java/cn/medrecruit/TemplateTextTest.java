package cn.medrecruit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template takes its visible text from the message bundle, and every key it names exists. */
class TemplateTextTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");

	/** {@code #{some.key}} and {@code #{some.key(...)}}, not the computed {@code #{${...}}}. */
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

	static Stream<Path> templates() throws IOException {
		List<Path> all = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			files.filter(file -> file.toString().endsWith(".html")).sorted().forEach(all::add);
		}
		return all.stream();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void noChineseTextInTheTemplate(Path template) throws IOException {
		List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			assertThat(CJK.matcher(lines.get(i)).find()).as("%s line %d: %s", template, i + 1, lines.get(i)).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("templates")
	void everyMessageKeyExists(Path template) throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages_zh_CN.properties"))) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Matcher key = MESSAGE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
		int found = 0;
		while (key.find()) {
			found++;
			assertThat(messages).as("%s uses #{%s}", template, key.group(1)).containsKey(key.group(1));
		}
		// the error pages of each status only point at the shared error template
		if (!template.getParent().endsWith("error")) {
			assertThat(found).isPositive();
		}
	}
}
