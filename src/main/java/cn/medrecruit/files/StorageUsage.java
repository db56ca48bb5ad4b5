package cn.medrecruit.files;

/** How much of the quota one owner uses, in bytes. */
public record StorageUsage(long usedBytes, long quotaBytes) {

	public long remainingBytes() {
		return Math.max(0, quotaBytes - usedBytes);
	}
}
