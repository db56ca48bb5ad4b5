package cn.medrecruit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.shared.Texts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ChartsTests {

	private static final String NASTY = "内科\"'</div><script>alert(1)</script>&amp;";
	private static final Pattern DATA_CHART = Pattern.compile("data-chart=\"([^\"]*)\"");

	@Autowired
	ITemplateEngine templates;

	@Autowired
	ApplicationContext context;

	@Test
	void theFragmentCarriesTheChartAsEscapedValidJson() {
		ChartData chart = ChartData.stackedBars(List.of(NASTY, "外科"), new ChartData.Series("已报名", List.of(2, 0)),
				new ChartData.Series("剩余", List.of(10, 5)));

		String html = render(chart, "标签\"><script>");

		assertThat(html).doesNotContain("<script>").doesNotContain("</div><");
		assertThat(html).contains("role=\"img\"").contains("aria-label=\"标签&quot;&gt;&lt;script&gt;\"")
			.contains("height: 12rem");
		Matcher attribute = DATA_CHART.matcher(html);
		assertThat(attribute.find()).isTrue();
		JsonNode json = JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(attribute.group(1)));
		assertThat(json.get("type").asString()).isEqualTo("bar");
		assertThat(json.get("stacked").asBoolean()).isTrue();
		assertThat(json.get("labels").get(0).asString()).isEqualTo(NASTY);
		assertThat(json.get("series").get(1).get("name").asString()).isEqualTo("剩余");
		assertThat(json.get("series").get(1).get("values").toString()).isEqualTo("[10,5]");
	}

	@Test
	void aFunnelHasOneSeriesWithOneValuePerStep() {
		ChartData funnel = ChartData.funnel("进度", List.of("已提交", "待审", "通过"), List.of(100, 40, 30));
		JsonNode json = JsonMapper.builder().build().readTree(new Charts().json(funnel));
		assertThat(json.get("type").asString()).isEqualTo("funnel");
		assertThat(json.get("series")).hasSize(1);

		assertThatThrownBy(() -> ChartData.bars(List.of("甲", "乙"), new ChartData.Series("数", List.of(1))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ChartData(ChartData.Type.FUNNEL, List.of("甲"),
				List.of(new ChartData.Series("一", List.of(1)), new ChartData.Series("二", List.of(2))), false))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private String render(ChartData chart, String label) {
		Context model = new Context(Texts.LOCALE, Map.of("data", chart, "label", label, "height", "12rem"));
		// what a web request has: the beans, so that the fragment can call @charts
		model.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return templates.process(new TemplateSpec("fragments/charts", Set.of("chart"), TemplateMode.HTML, null),
				model);
	}
}
