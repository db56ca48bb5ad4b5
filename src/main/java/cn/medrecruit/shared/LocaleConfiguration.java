package cn.medrecruit.shared;

import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/** Simplified Chinese everywhere, also outside web requests (SMS texts, scheduled jobs), whatever the JVM's locale. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	LocaleConfiguration() {
		LocaleContextHolder.setDefaultLocale(Texts.LOCALE);
	}
}
