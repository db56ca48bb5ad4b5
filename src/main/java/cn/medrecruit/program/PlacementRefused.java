package cn.medrecruit.program;

/**
 * There is no row to count an application against: no approved plan of that base for that specialty, or no quota of
 * that city. Nothing was changed; the caller's transaction should roll back.
 */
public class PlacementRefused extends RuntimeException {

	public PlacementRefused(String message) {
		super(message);
	}
}
