package cn.medrecruit.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.medrecruit.audit.AuditEvent;
import cn.medrecruit.identity.AccountId;
import cn.medrecruit.identity.CurrentUser;
import cn.medrecruit.identity.IssuedPassword;
import cn.medrecruit.identity.NewStaffAccount;
import cn.medrecruit.identity.Role;
import cn.medrecruit.identity.StaffAccounts;

/**
 * Adds, edits, disables and enables institutions, each with an administrator account. A lower level adds only
 * employer units, which serve the applicants' unit dictionary; institutions with review rights are added by the
 * province. Every write re-checks that the institution lies in the acting person's subtree.
 */
@Service
public class InstitutionRegistry {

	private final Institutions institutions;
	private final RegionCatalogue regions;
	private final StaffAccounts staffAccounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InstitutionRegistry(Institutions institutions, RegionCatalogue regions, StaffAccounts staffAccounts,
			ApplicationEventPublisher events, Clock clock) {
		this.institutions = institutions;
		this.regions = regions;
		this.staffAccounts = staffAccounts;
		this.events = events;
		this.clock = clock;
	}

	/** The result of adding an institution: its id and its administrator's one-time password. */
	public record Added(InstitutionId institution, IssuedPassword administrator) {
	}

	@Transactional
	public Added add(NewInstitution command, CurrentUser actor) {
		Institution parent = inScope(command.parentId(), actor);
		if (!mayAddReviewingInstitutions(actor) && (command.kind() != InstitutionKind.UNIT || command.reviewRights())) {
			throw new AccessDeniedException("only the province adds institutions with review rights");
		}
		return create(command, Optional.of(parent));
	}

	/**
	 * Whether the person may add institutions of any kind and grant review rights; everyone else adds only employer
	 * units without review rights.
	 */
	public boolean mayAddReviewingInstitutions(CurrentUser actor) {
		return actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.PROVINCE);
	}

	/** Adds an institution without an acting person: the root institution and demo data. */
	@Transactional
	public Added addTrusted(NewInstitution command) {
		Optional<Institution> parent = command.parentId() == 0 ? Optional.empty()
				: institutions.findById(command.parentId());
		return create(command, parent);
	}

	private Added create(NewInstitution command, Optional<Institution> parent) {
		if (institutions.existsByCode(command.code())) {
			throw new InstitutionConflict("code");
		}
		if (institutions.existsByName(command.name())) {
			throw new InstitutionConflict("name");
		}
		RegionLevel level = regions.levelOf(command.regionCode())
			.orElseThrow(() -> new IllegalArgumentException("unknown region " + command.regionCode()));
		Instant now = clock.instant();
		Institution institution = new Institution();
		institution.code = command.code();
		institution.name = command.name();
		institution.kind = command.kind();
		institution.baseCategory = command.kind() == InstitutionKind.TRAINING_BASE ? command.baseCategory() : null;
		institution.regionCode = command.regionCode();
		institution.parentId = parent.map(p -> p.id).orElse(null);
		institution.path = "/";
		institution.reviewRights = command.reviewRights();
		institution.enabled = true;
		institution.contactName = command.contactName();
		institution.contactPhone = command.contactPhone();
		institution.createdAt = now;
		institution.updatedAt = now;
		Institution saved = institutions.save(institution);
		saved.path = parent.map(p -> p.path).orElse("/") + saved.id + "/";
		saved = institutions.save(saved);
		indexName(saved);
		IssuedPassword administrator = staffAccounts.createForInstitution(new NewStaffAccount(saved.code, saved.name,
				saved.id, Set.of(command.kind().defaultRole(level))));
		saved.adminAccountId = administrator.account().value();
		institutions.save(saved);
		events.publishEvent(AuditEvent.success("INSTITUTION_ADDED", target(saved), saved.kind.name()));
		return new Added(new InstitutionId(saved.id), administrator);
	}

	@Transactional
	public void change(InstitutionId id, int expectedVersion, InstitutionChanges changes, CurrentUser actor) {
		Institution institution = inScope(id.value(), actor);
		if (institution.version != expectedVersion) {
			throw new OptimisticLockingFailureException("institution " + id.value() + " changed meanwhile");
		}
		if (!institution.name.equals(changes.name()) && institutions.existsByName(changes.name())) {
			throw new InstitutionConflict("name");
		}
		institution.name = changes.name();
		institution.baseCategory = institution.kind == InstitutionKind.TRAINING_BASE ? changes.baseCategory() : null;
		institution.contactName = changes.contactName();
		institution.contactPhone = changes.contactPhone();
		institution.updatedAt = clock.instant();
		Institution saved = institutions.save(institution);
		indexName(saved);
		events.publishEvent(AuditEvent.success("INSTITUTION_CHANGED", target(saved)));
	}

	/** Disables or enables institutions; the acting person's own institution is never among them. */
	@Transactional
	public int setEnabled(Set<Long> ids, boolean enabled, CurrentUser actor) {
		int changed = 0;
		for (Long id : new LinkedHashSet<>(ids)) {
			Institution institution = inScope(id, actor);
			if (institution.id.equals(actor.getInstitutionId())) {
				throw new AccessDeniedException("an institution cannot disable itself");
			}
			if (institution.enabled != enabled) {
				institution.enabled = enabled;
				institution.updatedAt = clock.instant();
				institutions.save(institution);
				events.publishEvent(AuditEvent.success(enabled ? "INSTITUTION_ENABLED" : "INSTITUTION_DISABLED",
						target(institution)));
				if (!enabled) {
					staffAccounts.endSessionsAt(institution.id);
				}
				changed++;
			}
		}
		return changed;
	}

	@Transactional
	public IssuedPassword resetAdministratorPassword(InstitutionId id, CurrentUser actor) {
		Institution institution = inScope(id.value(), actor);
		if (institution.id.equals(actor.getInstitutionId()) || institution.adminAccountId == null) {
			throw new AccessDeniedException("only institutions below the actor's own");
		}
		return staffAccounts.resetPassword(new AccountId(institution.adminAccountId), actor);
	}

	private Institution inScope(long id, CurrentUser actor) {
		Institution institution = institutions.findById(id)
			.orElseThrow(() -> new AccessDeniedException("no such institution"));
		if (actor.getScopePath() == null || !institution.path.startsWith(actor.getScopePath())) {
			throw new AccessDeniedException("institution outside the data scope");
		}
		return institution;
	}

	private void indexName(Institution institution) {
		institutions.forgetNameGrams(institution.id);
		for (String gram : UnitDictionary.gramsOf(institution.name)) {
			institutions.addNameGram(gram, institution.id);
		}
	}

	private static String target(Institution institution) {
		return "institution:" + institution.id;
	}
}
