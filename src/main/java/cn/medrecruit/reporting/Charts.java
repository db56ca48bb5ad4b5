package cn.medrecruit.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link ChartData} into the JSON that {@code static/js/charts.js} reads from an element's {@code data-chart}
 * attribute. Used as {@code @charts} by {@code fragments/charts.html}; Thymeleaf escapes the attribute, so chart texts
 * can never close it or start a script.
 */
@Component("charts")
public class Charts {

	private final JsonMapper json = JsonMapper.builder().build();

	public String json(ChartData chart) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", chart.type().name().toLowerCase());
		data.put("stacked", chart.stacked());
		data.put("labels", chart.labels());
		List<Map<String, Object>> series = new ArrayList<>();
		for (ChartData.Series one : chart.series()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", one.name());
			entry.put("values", one.values());
			series.add(entry);
		}
		data.put("series", series);
		return json.writeValueAsString(data);
	}
}
