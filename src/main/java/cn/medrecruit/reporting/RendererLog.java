package cn.medrecruit.reporting;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf logs through its own console handler by default; this sends its messages to the application's
 * logging instead, under their own logger names ({@code com.openhtmltopdf.load}, …), with its chatty INFO lines
 * ("Prepare to fly") demoted to DEBUG.
 */
final class RendererLog implements XRLogger {

	private RendererLog() {
	}

	static void install() {
		if (!(XRLog.getLoggerImpl() instanceof RendererLog)) {
			XRLog.setLoggerImpl(new RendererLog());
		}
	}

	@Override
	public void log(String where, Level level, String message) {
		log(where, level, message, null);
	}

	@Override
	public void log(String where, Level level, String message, Throwable error) {
		Logger logger = LoggerFactory.getLogger(where);
		int value = level.intValue();
		if (value >= Level.SEVERE.intValue()) {
			logger.error(message, error);
		}
		else if (value >= Level.WARNING.intValue()) {
			logger.warn(message, error);
		}
		else if (value >= Level.INFO.intValue()) {
			logger.debug(message, error);
		}
		else {
			logger.trace(message, error);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// levels are set in the application's logging configuration
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
		int value = diagnostic.getLevel().intValue();
		if (value >= Level.WARNING.intValue()) {
			return logger.isWarnEnabled();
		}
		return value >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
	}
}
