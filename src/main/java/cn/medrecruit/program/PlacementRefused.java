package cn.medrecruit.program;

/**
 * An application cannot be counted: no approved plan of that base for that specialty, no quota of that city, or the
 * city's quota is full. Nothing was changed; the caller's transaction should roll back.
 */
public class PlacementRefused extends RuntimeException {

	public enum Reason {
		NO_PLAN, NO_QUOTA, QUOTA_FULL
	}

	private final Reason reason;
	private final String holderName;
	private final int places;

	public PlacementRefused(String message) {
		this(Reason.NO_PLAN, null, 0, message);
	}

	PlacementRefused(Reason reason, String holderName, int places, String message) {
		super(message);
		this.reason = reason;
		this.holderName = holderName;
		this.places = places;
	}

	public Reason reason() {
		return reason;
	}

	/** The name of the base or city whose plan or quota refused, when known. */
	public String holderName() {
		return holderName;
	}

	/** The places of the quota that is full. */
	public int places() {
		return places;
	}
}
