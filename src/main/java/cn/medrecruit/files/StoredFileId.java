package cn.medrecruit.files;

public record StoredFileId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
