package cn.medrecruit.reporting;

import java.util.function.Consumer;

/**
 * The rows of an export, pushed one at a time in list order, so that none has to be held after it was written. An
 * implementation reads inside its own read-only transaction (a JDBC stream with a fetch size, or keyset pages) and
 * must apply the same filters and data scope as the list on screen.
 */
@FunctionalInterface
public interface RowSource<R> {

	void forEach(Consumer<? super R> row);
}
