package cn.medrecruit.shared;

import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/**
 * A business rule refused one field of a submitted form. Controllers bind it to that field, so the message appears
 * next to it; the transaction that threw it rolls back, so nothing is half-written.
 */
public class InputRejected extends RuntimeException {

	private final String field;
	private final String messageKey;
	private final transient Object[] arguments;

	public InputRejected(String field, String messageKey, Object... arguments) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** Shows the message next to its field, or above the form when the form has no such field. */
	public void bindTo(BindingResult result) {
		Object target = result.getTarget();
		if (target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null) {
			result.rejectValue(field, messageKey, arguments, null);
		}
		else {
			result.reject(messageKey, arguments, null);
		}
	}
}
