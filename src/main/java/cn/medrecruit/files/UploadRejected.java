package cn.medrecruit.files;

import cn.medrecruit.shared.InputRejected;

/**
 * An upload was refused; nothing of it was stored. The message key and arguments resolve to a text in the message
 * bundle (see {@code files.rejected.*}).
 */
public class UploadRejected extends RuntimeException {

	private final String messageKey;
	private final transient Object[] arguments;

	public UploadRejected(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The same refusal shown next to a form field. */
	public InputRejected forField(String field) {
		return new InputRejected(field, messageKey, arguments);
	}
}
