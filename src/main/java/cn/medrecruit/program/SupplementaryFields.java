package cn.medrecruit.program;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.shared.InputRejected;
import cn.medrecruit.shared.Texts;

/**
 * The supplementary fields of a batch as the wizard asks them: the options of each (a dependent exam field offers the
 * children of the node chosen one level up), the checks of entered values and their display. A finding names the
 * form field {@code values[key]} it belongs to.
 */
@Service
@Transactional(readOnly = true)
public class SupplementaryFields {

	private final BatchStore store;
	private final Texts texts;

	SupplementaryFields(BatchStore store, Texts texts) {
		this.store = store;
		this.texts = texts;
	}

	/** One option of a select: the stored value and its text. */
	public record Option(String value, String text) {
	}

	/**
	 * A field of the batch with the options it offers given the values entered so far, and its value; a dependent
	 * field whose value no longer fits the fields above it is shown empty.
	 */
	public record Input(SupplementaryField field, boolean required, List<Option> options, String value) {

		public String name() {
			return "values[" + field.key() + "]";
		}
	}

	/** A field and its value as the summary, the status page and the printed form show it. */
	public record Shown(SupplementaryField field, String text) {
	}

	public List<Input> inputs(BatchView batch, Map<String, String> values) {
		List<BatchStore.SpecialtyRow> tree = treeOf(batch);
		Map<String, String> fitting = new LinkedHashMap<>(values);
		List<Input> inputs = new ArrayList<>();
		for (BatchView.FieldRule rule : batch.fields()) {
			List<Option> options = options(rule.field(), fitting, tree);
			String value = fitting.get(rule.field().key());
			if (rule.field().kind() == SupplementaryField.Kind.TREE
					&& options.stream().noneMatch(option -> option.value().equals(value))) {
				fitting.remove(rule.field().key());
			}
			inputs.add(new Input(rule.field(), rule.required(), options, fitting.get(rule.field().key())));
		}
		return inputs;
	}

	/**
	 * Checks the values against the batch's fields: options from their lists, dates not after {@code today} and in
	 * order (本专业开始工作时间 not after 职称开始时间), the exam path one consistent branch of the tree; with
	 * {@code complete}, every required field filled. Returns the values to keep (the batch's fields only, blanks
	 * dropped) or throws the findings.
	 */
	public Map<String, String> check(BatchView batch, Map<String, String> values, LocalDate today, boolean complete) {
		List<InputRejected> found = new ArrayList<>();
		Map<String, String> kept = new LinkedHashMap<>();
		List<BatchStore.SpecialtyRow> tree = treeOf(batch);
		for (BatchView.FieldRule rule : batch.fields()) {
			SupplementaryField field = rule.field();
			String value = values.get(field.key());
			value = value == null || value.isBlank() ? null : value.strip();
			String name = "values[" + field.key() + "]";
			if (value == null) {
				if (complete && rule.required()) {
					found.add(new InputRejected(name, "validation.required"));
				}
				continue;
			}
			String entered = value;
			switch (field.kind()) {
				case SELECT -> {
					if (!field.options().contains(entered)) {
						found.add(new InputRejected(name, "program.field.validation.option"));
						continue;
					}
				}
				case DATE -> {
					Optional<LocalDate> date = date(entered);
					if (date.isEmpty()) {
						found.add(new InputRejected(name, "program.field.validation.date"));
						continue;
					}
					if (date.get().isAfter(today)) {
						found.add(new InputRejected(name, "program.field.validation.future"));
						continue;
					}
				}
				case TREE -> {
					if (options(field, kept, tree).stream().noneMatch(option -> option.value().equals(entered))) {
						found.add(new InputRejected(name, "program.field.validation.path"));
						continue;
					}
				}
			}
			kept.put(field.key(), entered);
		}
		Optional<LocalDate> titleStart = Optional.ofNullable(kept.get(SupplementaryField.TITLE_START.key()))
			.flatMap(SupplementaryFields::date);
		Optional<LocalDate> workStart = Optional.ofNullable(kept.get(SupplementaryField.SPECIALTY_WORK_START.key()))
			.flatMap(SupplementaryFields::date);
		if (titleStart.isPresent() && workStart.isPresent() && workStart.get().isAfter(titleStart.get())) {
			found.add(new InputRejected("values[" + SupplementaryField.SPECIALTY_WORK_START.key() + "]",
					"program.field.validation.order"));
		}
		if (!found.isEmpty()) {
			throw new FieldsRejected(found);
		}
		return kept;
	}

	/** The values of the batch's fields in field order, as text; fields left empty are left out. */
	public List<Shown> shown(BatchView batch, Map<String, String> values) {
		List<BatchStore.SpecialtyRow> tree = treeOf(batch);
		List<Shown> shown = new ArrayList<>();
		for (BatchView.FieldRule rule : batch.fields()) {
			String value = values.get(rule.field().key());
			if (value == null) {
				continue;
			}
			String text = switch (rule.field().kind()) {
				case SELECT -> rule.field().options().contains(value) ? texts.get(rule.field().optionKey(value)) : value;
				case DATE -> value;
				case TREE -> tree.stream()
					.filter(row -> String.valueOf(row.id()).equals(value))
					.map(BatchStore.SpecialtyRow::name)
					.findFirst()
					.orElse("");
			};
			shown.add(new Shown(rule.field(), text));
		}
		return shown;
	}

	private List<Option> options(SupplementaryField field, Map<String, String> values, List<BatchStore.SpecialtyRow> tree) {
		return switch (field.kind()) {
			case SELECT -> field.options().stream().map(code -> new Option(code, texts.get(field.optionKey(code)))).toList();
			case DATE -> List.of();
			case TREE -> {
				Long parent = null;
				if (field.depth() > 0) {
					SupplementaryField above = SupplementaryField.values()[field.ordinal() - 1];
					String chosen = values.get(above.key());
					parent = chosen == null || chosen.isBlank() ? null : parseId(chosen);
					if (parent == null) {
						yield List.of();
					}
				}
				Long under = parent;
				yield tree.stream()
					.filter(row -> row.enabled() && row.depth() == field.depth() && Objects.equals(row.parentId(), under))
					.map(row -> new Option(String.valueOf(row.id()), row.name()))
					.toList();
			}
		};
	}

	private List<BatchStore.SpecialtyRow> treeOf(BatchView batch) {
		boolean asksTree = batch.fields().stream().anyMatch(rule -> rule.field().kind() == SupplementaryField.Kind.TREE);
		return asksTree ? store.specialties(Program.QUALIFICATION_EXAM) : List.of();
	}

	private static Long parseId(String value) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException notAnId) {
			return null;
		}
	}

	private static Optional<LocalDate> date(String value) {
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException notADate) {
			return Optional.empty();
		}
	}

	/** Every finding of one check, each for its field. */
	public static class FieldsRejected extends InputRejected {

		private final transient List<InputRejected> findings;

		FieldsRejected(List<InputRejected> findings) {
			super(findings.get(0).field(), findings.get(0).messageKey(), findings.get(0).arguments());
			this.findings = List.copyOf(findings);
		}

		public List<InputRejected> findings() {
			return findings;
		}
	}
}
