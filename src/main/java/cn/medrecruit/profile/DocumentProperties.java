package cn.medrecruit.profile;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size rules of the profile's uploads. The photo's size window may differ per program ({@code programs.residency.
 * photo-min=100KB}); every other slot takes files up to {@code maxFileSize}.
 */
@ConfigurationProperties("medrecruit.profile.documents")
record DocumentProperties(DataSize photoMin, DataSize photoMax, DataSize maxFileSize, Map<String, PhotoRule> programs) {

	DocumentProperties {
		photoMin = photoMin == null ? DataSize.ofKilobytes(150) : photoMin;
		photoMax = photoMax == null ? DataSize.ofKilobytes(300) : photoMax;
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(3) : maxFileSize;
		programs = programs == null ? Map.of() : programs;
	}

	record PhotoRule(DataSize photoMin, DataSize photoMax) {
	}

	DataSize photoMinFor(ProgramProfile program) {
		PhotoRule rule = programs.get(program.code());
		return rule != null && rule.photoMin() != null ? rule.photoMin() : photoMin;
	}

	DataSize photoMaxFor(ProgramProfile program) {
		PhotoRule rule = programs.get(program.code());
		return rule != null && rule.photoMax() != null ? rule.photoMax() : photoMax;
	}
}
