package cn.medrecruit.organization;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/** The rules for the fields of an institution, shared by the "new" and the "edit" form. */
final class InstitutionFields {

	static final int NAME_MAX = 50;
	static final int CODE_MAX = 32;
	static final int CONTACT_NAME_MAX = 30;
	static final int CONTACT_PHONE_MAX = 20;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2,32}");
	private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9（）()·\\-]{2,50}");
	private static final Pattern CONTACT_NAME = Pattern.compile("[\\p{IsHan}A-Za-z·. ]{2,30}");
	/** A mobile number, or a landline with area code and an optional extension. */
	private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?");

	private InstitutionFields() {
	}

	static void code(String value, Errors errors) {
		if (required("code", value, errors) && maxLength("code", value, CODE_MAX, errors)
				&& !CODE.matcher(value).matches()) {
			errors.rejectValue("code", "institution.validation.code");
		}
	}

	static void name(String value, Errors errors) {
		if (required("name", value, errors) && maxLength("name", value, NAME_MAX, errors)
				&& !NAME.matcher(value).matches()) {
			errors.rejectValue("name", "institution.validation.name");
		}
	}

	static void contact(String name, String phone, Errors errors) {
		if (name != null && maxLength("contactName", name, CONTACT_NAME_MAX, errors)
				&& !CONTACT_NAME.matcher(name).matches()) {
			errors.rejectValue("contactName", "institution.validation.contact-name");
		}
		if (phone != null && maxLength("contactPhone", phone, CONTACT_PHONE_MAX, errors)
				&& !PHONE.matcher(phone).matches()) {
			errors.rejectValue("contactPhone", "institution.validation.contact-phone");
		}
	}

	/** A base's category: required and one of the list; {@code null} for other kinds. */
	static BaseCategory baseCategory(InstitutionKind kind, String value, Errors errors) {
		if (kind != InstitutionKind.TRAINING_BASE) {
			return null;
		}
		Optional<BaseCategory> category = Arrays.stream(BaseCategory.values())
			.filter(candidate -> candidate.name().equals(value))
			.findFirst();
		if (category.isEmpty()) {
			errors.rejectValue("baseCategory", "institution.validation.base-category");
		}
		return category.orElse(null);
	}

	private static boolean required(String field, String value, Errors errors) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "validation.required");
			return false;
		}
		return true;
	}

	private static boolean maxLength(String field, String value, int max, Errors errors) {
		if (value.codePointCount(0, value.length()) > max) {
			errors.rejectValue(field, "validation.too-long", new Object[] { max }, null);
			return false;
		}
		return true;
	}
}
