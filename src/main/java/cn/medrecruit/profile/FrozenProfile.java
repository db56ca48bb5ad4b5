package cn.medrecruit.profile;

import java.util.List;
import java.util.Optional;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.IdDocumentType;

/**
 * The profile as a submit checks it, read by {@link ApplicantProfiles#freeze} in one statement while the frozen row
 * stays locked: the single-valued part, the education records, whether a current unit is recorded and which documents
 * are held, with the applicant's name card. {@link ProfileCompleteness#check(FrozenProfile, ProgramProfile)} applies
 * the same rules to it as to the profile pages.
 */
public final class FrozenProfile {

	/** One uploaded document as the completeness rules see it. */
	record HeldDocument(DocumentSlot slot, Long educationRecordId, long uploadBytes) {
	}

	private final AccountId account;
	private final String realName;
	private final String idNumberMasked;
	private final IdDocumentType idType;
	private final ProfileView.Data data;
	private final String currentUnitPath;
	private final List<ProfileView.Education> educations;
	private final boolean currentWork;
	private final List<HeldDocument> documents;

	FrozenProfile(AccountId account, String realName, String idNumberMasked, IdDocumentType idType,
			ProfileView.Data data, String currentUnitPath, List<ProfileView.Education> educations, boolean currentWork,
			List<HeldDocument> documents) {
		this.account = account;
		this.realName = realName;
		this.idNumberMasked = idNumberMasked;
		this.idType = idType;
		this.data = data;
		this.currentUnitPath = currentUnitPath;
		this.educations = List.copyOf(educations);
		this.currentWork = currentWork;
		this.documents = List.copyOf(documents);
	}

	public AccountId account() {
		return account;
	}

	public String realName() {
		return realName;
	}

	/** The masked copy kept beside the encrypted ID number. */
	public String idNumberMasked() {
		return idNumberMasked;
	}

	public Long currentUnitId() {
		return data.currentUnitId();
	}

	/** The path of the current unit: staff whose subtree contains it may see the profile. */
	public String currentUnitPath() {
		return currentUnitPath;
	}

	public List<ProfileView.Education> educations() {
		return educations;
	}

	/** The year of the highest education recorded (of the latest one when none is marked highest). */
	public Optional<Integer> graduationYear() {
		return ProfileView.graduationYearOf(educations);
	}

	IdDocumentType idType() {
		return idType;
	}

	ProfileView.Data data() {
		return data;
	}

	boolean currentWork() {
		return currentWork;
	}

	List<HeldDocument> documents() {
		return documents;
	}
}
